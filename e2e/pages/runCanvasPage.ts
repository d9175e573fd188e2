import { expect, type Locator, type Page } from '@playwright/test';
import { ChainsPage } from './chainsPage';

/**
 * The Run dialog, the run progress and a run's counts on the canvas (issue 14). Other specs
 * use it to make a run: `await new RunCanvasPage(page).runTemplate('abandoned-cart')`.
 */
export class RunCanvasPage {
  readonly chains: ChainsPage;

  constructor(readonly page: Page) {
    this.chains = new ChainsPage(page);
  }

  get dialog(): Locator {
    return this.page.getByTestId('run-dialog');
  }

  get progress(): Locator {
    return this.dialog.getByTestId('run-progress');
  }

  /** From the Chains list: a chain from the template, opened on the canvas. */
  async createFromTemplate(templateId: string): Promise<void> {
    await this.chains.open();
    await this.page.getByTestId('new-from-template').click();
    await this.page.locator(`[data-template-id="${templateId}"]`).click();
    await this.page.getByTestId('create-from-template').click();
    await this.chains.waitForEditor();
  }

  /** Opens the Run dialog from the canvas and waits until its form is ready. */
  async openFromCanvas(): Promise<void> {
    await this.page.getByTestId('canvas-run').click();
    await expect(this.dialog).toBeVisible();
    await expect(this.page.getByTestId('run-seed')).toBeVisible({ timeout: 60_000 });
  }

  /** Starts the run and waits until it is done (a run of the demo takes a while on a loaded machine). */
  async startAndWait(): Promise<void> {
    await this.page.getByTestId('run-start').click();
    await expect(this.progress).toHaveAttribute('data-state', 'done', { timeout: 240_000 });
  }

  /** Creates a chain from the template, runs it with the dialog's defaults and closes the dialog. */
  async runTemplate(templateId: string): Promise<void> {
    await this.createFromTemplate(templateId);
    await this.openFromCanvas();
    await this.startAndWait();
    await this.page.getByTestId('run-close').click();
    await expect(this.dialog).toBeHidden();
  }

  /** The run's figure lines on a node's card. */
  nodeOverlay(nodeId: string): Locator {
    return this.chains.node(nodeId).getByTestId('node-overlay');
  }

  edgeLabel(edgeId: string): Locator {
    return this.page.locator(`[data-testid="edge-overlay"][data-edge-id="${edgeId}"]`);
  }

  /** Fits the chain to the canvas with its own control, as a user does to see all of it. */
  async fitView(): Promise<void> {
    await this.page.locator('.react-flow__controls-fitview').click();
  }

  /** Whether a card is wholly inside the canvas's visible box. */
  async isOnCanvas(card: Locator): Promise<boolean> {
    const canvas = (await this.page.getByTestId('chain-canvas').boundingBox())!;
    const box = (await card.boundingBox())!;
    return box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
  }

  /** The canvas's zoom (1 = 100 %). */
  zoom(): Promise<number> {
    return this.page.locator('.react-flow__viewport').evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
  }

  /** The pairs of node cards that cover each other on screen ("a / b"). */
  overlappingCards(): Promise<string[]> {
    return this.page.locator('.react-flow__node').evaluateAll((elements) => {
      const boxes = elements.map((element) => ({ id: (element as HTMLElement).dataset.id!, box: element.getBoundingClientRect() }));
      const pairs: string[] = [];
      for (const [index, a] of boxes.entries()) {
        for (const b of boxes.slice(index + 1)) {
          if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) pairs.push(`${a.id} / ${b.id}`);
        }
      }
      return pairs;
    });
  }

  /** The smallest side, on screen, of the figures buttons on the cards. */
  async smallestFiguresTarget(): Promise<number> {
    const sides = await this.page.locator('button[data-testid="node-overlay"]').evaluateAll((elements) => elements.map((element) => Math.min(element.getBoundingClientRect().width, element.getBoundingClientRect().height)));
    expect(sides.length).toBeGreaterThan(0);
    return Math.min(...sides);
  }
}
