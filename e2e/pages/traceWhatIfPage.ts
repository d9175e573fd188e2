import { expect, type Locator, type Page } from '@playwright/test';

/** The per-customer trace screen and the what-if dialog (issue 14). */
export class TraceWhatIfPage {
  constructor(readonly page: Page) {}

  /** The run the chain editor's run picker / URL points at: the newest run id in the workspace, read from the runs list link the Run dialog offers. */
  async openTrace(runId: string, customerId?: string): Promise<void> {
    await this.page.goto(`/runs/${runId}/trace${customerId ? `/${customerId}` : ''}`);
    await expect(this.page.getByTestId('trace-search')).toBeVisible({ timeout: 60_000 });
  }

  get steps(): Locator {
    return this.page.getByTestId('trace-step');
  }

  get events(): Locator {
    return this.page.getByTestId('trace-event');
  }

  /** Opens the what-if of the node selected in the inspector (or of the chain's settings). */
  async openWhatIf(): Promise<void> {
    await this.page.getByTestId('try-values').click();
    await expect(this.page.getByRole('dialog')).toBeVisible();
  }

  async typeValues(values: readonly string[]): Promise<void> {
    for (const [index, value] of values.entries()) await this.page.getByTestId(`what-if-value-${index + 1}`).fill(value);
  }

  get table(): Locator {
    return this.page.getByTestId('what-if-table');
  }

  get rows(): Locator {
    return this.page.getByTestId('what-if-row');
  }
}
