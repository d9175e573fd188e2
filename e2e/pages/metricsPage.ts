import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { setDate } from '../dateField';
import { clickNavigationLink } from './navigation';

/** The Metrics screen, driven as a user would. */
export class MetricsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await clickNavigationLink(this.page, /Metrics|Метрики/);
    await this.waitForResults();
  }

  /** Waits until a result is on screen and no computation is running. */
  async waitForResults(): Promise<void> {
    await expect(this.results).toBeVisible({ timeout: 60_000 });
    await expect(this.results).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  }

  get results(): Locator {
    return this.page.getByTestId('metrics-results');
  }

  get cohortTable(): Locator {
    return this.page.getByTestId('cohort-table');
  }

  get cohortRows(): Locator {
    return this.cohortTable.getByTestId('cohort-row');
  }

  cell(cohort: string, k: number): Locator {
    return this.page.getByTestId(`cohort-cell-${cohort}-${k}`);
  }

  figure(name: string): Locator {
    return this.page.getByTestId(`metric-${name}-value`);
  }

  /** The number a card or cell shows ("1 408", "1,408", "45.5%" → 1408, 1408, 45.5). */
  static numberIn(text: string): number {
    return Number(text.replace(/[\s\u00a0\u202f,]/g, '').replace('%', '').replace(/[^\d.\-−]/g, '').replace('−', '-'));
  }

  async figureNumber(name: string): Promise<number> {
    await expect(this.figure(name)).toHaveText(/\d/);
    return MetricsPage.numberIn((await this.figure(name).textContent()) ?? '');
  }

  async setAsOf(date: string): Promise<void> {
    await setDate(this.page, 'metrics-as-of', date);
    await this.waitForResults();
  }

  async chooseCut(label: RegExp): Promise<void> {
    await this.page.getByTestId('metrics-cut').click();
    await this.page.getByRole('option', { name: label }).click();
    await expect(this.page.getByTestId('cut-table')).toBeVisible({ timeout: 60_000 });
  }

  get cutRows(): Locator {
    return this.page.getByTestId('cut-row');
  }

  get customerList(): Locator {
    return this.page.getByTestId('metrics-customers');
  }

  async download(testId: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { download, text: await readFile(path!, 'utf8') };
  }
}
