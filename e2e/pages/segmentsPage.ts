import { expect, type Locator, type Page } from '@playwright/test';
import { clickNavigationLink } from './navigation';

/** The Segments (RFM) screen, driven as a user would. */
export class SegmentsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await clickNavigationLink(this.page, /Segments|Сегменты/);
    await this.waitForResults();
  }

  /** Waits until a result is on screen and no computation is running. */
  async waitForResults(): Promise<void> {
    await expect(this.results).toBeVisible({ timeout: 60_000 });
    await expect(this.results).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  }

  get results(): Locator {
    return this.page.getByTestId('rfm-results');
  }

  breaks(measure: 'recency' | 'frequency' | 'monetary'): Locator {
    return this.page.getByTestId(`rfm-breaks-${measure}`);
  }

  binRows(measure: 'recency' | 'frequency' | 'monetary'): Locator {
    return this.breaks(measure).locator('tbody tr');
  }

  cuts(measure: 'recency' | 'frequency' | 'monetary'): Locator {
    return this.page.getByTestId(`rfm-cuts-${measure}`);
  }

  statNumber(name: 'scored' | 'none'): Promise<number> {
    return this.page.getByTestId(`rfm-stat-${name}-value`).textContent().then((text) => Number((text ?? '').replace(/[^\d]/g, '')));
  }

  async chooseLevels(levels: 3 | 4 | 5): Promise<void> {
    await this.page.getByTestId('rfm-levels').getByRole('button', { name: String(levels), exact: true }).click();
    await this.waitForResults();
  }

  async chooseMethod(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: /Binning|Разбиение/ }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async chooseMap(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: /Segment map|Карта сегментов/ }).click();
    await this.page.getByRole('option', { name: label }).click();
    await this.waitForResults();
  }

  async setManualBreaks(breaks: { recency: string; frequency: string; monetary: string }): Promise<void> {
    for (const [measure, text] of Object.entries(breaks)) await this.page.getByTestId(`rfm-manual-${measure}`).fill(text);
    await this.page.getByTestId('rfm-manual-breaks').getByRole('button', { name: /Apply|Применить/ }).click();
    await this.waitForResults();
  }

  async showView(label: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
  }

  /** The heatmap cell with the most customers: its R and F (internal scores) and count. */
  async busiestCell(): Promise<{ locator: Locator; customers: number }> {
    const cells = this.page.getByTestId('rfm-heatmap').locator('button[data-testid^="rfm-cell-"]');
    const counts = await cells.locator('[data-testid="rfm-heat-count"]').allTextContents();
    const numbers = counts.map((text) => Number(text.replace(/[^\d]/g, '')));
    const best = numbers.indexOf(Math.max(...numbers));
    return { locator: cells.nth(best), customers: numbers[best]! };
  }

  get customerList(): Locator {
    return this.page.getByTestId('rfm-customer-list');
  }

  get customerListRows(): Locator {
    return this.customerList.locator('.MuiDataGrid-row');
  }

  segmentRow(name: string): Locator {
    return this.page.getByTestId('rfm-segment-table').locator('tbody tr').filter({ has: this.page.getByTestId('rfm-segment-name').getByText(name, { exact: true }) });
  }
}
