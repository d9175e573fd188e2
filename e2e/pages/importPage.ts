import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chooseOption } from '../selectOption';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** The CSV import screen (Data → Import CSV). */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('open-import').click();
    await expect(this.page.getByRole('heading', { name: /Import CSV|Импорт CSV/ })).toBeVisible();
  }

  async upload(fixture: string): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(`${FIXTURES}${fixture}`);
  }

  /** Picks a file made by the test (bytes, not a fixture on disk). */
  async uploadBytes(name: string, bytes: Uint8Array): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  }

  /** Imports the chosen file and waits for the report's "read" count. */
  async runAndExpectRead(read: number): Promise<void> {
    await this.runButton.click();
    await expect(this.count('read')).toHaveText(String(read), { timeout: 60_000 });
  }

  async importAnother(): Promise<void> {
    await this.page.getByRole('button', { name: /Import another file|Импортировать ещё файл/ }).click();
  }

  get fileLine(): Locator {
    return this.page.getByTestId('import-file');
  }

  select(testId: string): Locator {
    return this.page.getByTestId(testId).getByRole('combobox');
  }

  async choose(testId: string, option: string | RegExp): Promise<void> {
    await chooseOption(this.page, this.select(testId), option);
  }

  mappingFor(column: string): Locator {
    return this.page.getByRole('combobox', { name: new RegExp(`: ${column}$`) });
  }

  async mapColumn(column: string, field: string | RegExp): Promise<void> {
    await chooseOption(this.page, this.mappingFor(column), field);
  }

  get runButton(): Locator {
    return this.page.getByTestId('import-run');
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  count(name: 'read' | 'accepted' | 'merged' | 'rejected' | 'events' | 'new-customers' | 'minimal-customers' | 'updated-customers'): Locator {
    return this.page.getByTestId(`import-${name}-value`);
  }

  get rejectRows(): Locator {
    return this.page.getByTestId('import-reject-row');
  }

  get historyRows(): Locator {
    return this.page.getByTestId('import-history-row');
  }
}
