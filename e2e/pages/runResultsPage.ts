import { expect, type Locator, type Page } from '@playwright/test';
import { ChainsPage } from './chainsPage';
import { clickNavigationLink } from './navigation';

const LONG = { timeout: 120_000 };

/** The Runs screen, a run's results page and the comparison of two runs. */
export class RunResultsPage {
  constructor(readonly page: Page) {}

  /** Builds a chain from a template and runs it from the canvas with the Run dialog's defaults; ends on the canvas with the run done. */
  async runTemplate(templateId: string, seed?: number): Promise<void> {
    const chains = new ChainsPage(this.page);
    await chains.open();
    await this.page.getByTestId('new-from-template').click();
    await this.page.locator(`[data-template-id="${templateId}"]`).click();
    await this.page.getByTestId('create-from-template').click();
    await chains.waitForEditor();
    await this.runFromCanvas(seed);
  }

  async runFromCanvas(seed?: number): Promise<void> {
    await this.page.getByTestId('canvas-run').click();
    const dialog = this.page.getByTestId('run-dialog');
    await expect(dialog).toBeVisible();
    if (seed !== undefined) await dialog.getByTestId('run-seed').fill(String(seed));
    await dialog.getByTestId('run-start').click();
    await expect(this.page.getByTestId('open-results').first()).toBeVisible(LONG);
  }

  async openFromNavigation(): Promise<void> {
    await clickNavigationLink(this.page, /^(Runs|Прогоны)$/);
    await expect(this.page.getByRole('heading', { level: 1, name: /^(Runs|Прогоны)$/ })).toBeVisible();
  }

  get rows(): Locator {
    return this.page.getByTestId('run-row');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async rowAction(row: Locator, action: 'repeat' | 'rename' | 'delete'): Promise<void> {
    await row.getByTestId('run-row-menu').click();
    await this.page.getByTestId(`run-${action}`).click();
  }

  card(id: 'reach' | 'messages' | 'cost' | 'conversions' | 'projected' | 'groups'): Locator {
    return this.page.getByTestId(`card-${id}`);
  }

  async waitForResults(): Promise<void> {
    await expect(this.page.getByTestId('headline-cards')).toBeVisible(LONG);
  }

  /** The whole number a cell or card shows ("12 434" → 12434). */
  static numberIn(text: string | null): number {
    return Number((text ?? '').replace(/[^\d]/g, ''));
  }
}
