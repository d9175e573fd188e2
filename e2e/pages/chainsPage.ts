import { expect, type Locator, type Page } from '@playwright/test';
import { clickNavigationLink } from './navigation';

export type NodeKind = 'trigger' | 'filter' | 'split' | 'timer' | 'message' | 'goal';

/** The Chains list and the chain editor; canvas elements are addressed as `.react-flow__node[data-id]`. */
export class ChainsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await clickNavigationLink(this.page, /^(Chains|Цепочки)$/);
    await expect(this.page.getByRole('heading', { level: 1, name: /^(Chains|Цепочки)$/ })).toBeVisible();
  }

  get rows(): Locator {
    return this.page.getByTestId('chain-row');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async createBlank(): Promise<void> {
    await this.page.getByTestId('new-blank').click();
    await this.waitForEditor();
  }

  /** From anywhere in the app: the Chains screen, a new blank chain open; returns its trigger's id. */
  async startBlankChain(): Promise<string> {
    await this.open();
    await this.createBlank();
    await expect(this.nodes).toHaveCount(1);
    return (await this.nodeIds())[0]!;
  }

  /** Back from the editor to the list ("All chains", in either language). */
  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: /^(All chains|Все цепочки)$/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(Chains|Цепочки)$/ })).toBeVisible();
  }

  /** A row's menu action (rename, duplicate, delete) by its label. */
  async rowAction(name: string, action: string | RegExp): Promise<void> {
    await this.row(name).getByTestId('chain-row-menu').click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async waitForEditor(): Promise<void> {
    await expect(this.page.getByTestId('chain-editor')).toBeVisible();
    await expect(this.page.locator('.react-flow__renderer')).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  nodesOfKind(kind: NodeKind): Locator {
    return this.page.locator(`.react-flow__node:has([data-kind="${kind}"])`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  get edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  /** Drags a kind from the palette and drops it at a point of the canvas (fractions of its size). */
  async dragFromPalette(kind: NodeKind, at: { x: number; y: number }): Promise<void> {
    const box = (await this.canvas.boundingBox())!;
    await this.page.getByTestId(`palette-${kind}`).dragTo(this.canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  }

  /** Drags a link from a node's exit to another node's entry. */
  async connect(sourceId: string, port: string, targetId: string): Promise<void> {
    const from = (await this.node(sourceId).locator(`.react-flow__handle.source[data-handleid="${port}"]`).boundingBox())!;
    const to = (await this.node(targetId).locator('.react-flow__handle.target').boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Drags a link from an exit onto a node (anywhere on it). */
  async connectToNode(sourceId: string, port: string, targetId: string): Promise<void> {
    const from = (await this.node(sourceId).locator(`.react-flow__handle.source[data-handleid="${port}"]`).boundingBox())!;
    const to = (await this.node(targetId).boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + 10, { steps: 12 });
    await this.page.mouse.up();
  }

  async insertOnEdge(edgeId: string, kind: NodeKind): Promise<void> {
    await this.page.getByTestId(`edge-plus-${edgeId}`).click();
    await this.page.getByTestId(`insert-${kind}`).click();
  }

  async insertAtPort(nodeId: string, port: string, kind: NodeKind): Promise<void> {
    const plus = this.node(nodeId).getByTestId(`port-plus-${port}`);
    // A step added below the fold is outside the canvas (it does not scroll): fit the view first,
    // or the click lands on whatever covers that point (the minimap).
    if (!(await this.isInsideCanvas(plus))) await this.tool('fit').click();
    await plus.click();
    await this.page.getByTestId(`insert-${kind}`).click();
  }

  private async isInsideCanvas(target: Locator): Promise<boolean> {
    const [box, pane] = await Promise.all([target.boundingBox(), this.canvas.boundingBox()]);
    if (!box || !pane) return false;
    return box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
  }

  /** "+" on an exit, and the id of the step it added (the canvas lists nodes in the order they were made). */
  async addAfter(nodeId: string, port: string, kind: NodeKind): Promise<string> {
    const count = await this.nodes.count();
    await this.insertAtPort(nodeId, port, kind);
    await expect(this.nodes).toHaveCount(count + 1);
    return (await this.nodeIds())[count]!;
  }

  async nodeIds(): Promise<string[]> {
    return this.nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-id') ?? ''));
  }

  /** The chain as the canvas shows it: nodes by kind and links as source:port→target. */
  async edgeList(): Promise<string[]> {
    return this.edges.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-id') ?? ''));
  }

  tool(name: 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'layout' | 'fit' | 'export' | 'versions' | 'shortcuts'): Locator {
    return this.page.getByTestId(`toolbar-${name}`);
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved');
  }

  get findings(): Locator {
    return this.page.getByTestId('finding');
  }
}
