import { expect, type Locator, type Page } from '@playwright/test';
import { clickNavigationLink } from './navigation';

/** The page object every end-to-end test drives ChainLab through. */
export class ChainLabApp {
  constructor(readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitUntilReady();
  }

  /** Waits through the start-up (and a first-visit demo generation) until the shell is shown. */
  async waitUntilReady(): Promise<void> {
    await expect(this.workspaceSwitcher).toBeVisible({ timeout: 60_000 });
  }

  get workspaceSwitcher(): Locator {
    return this.page.getByTestId('workspace-switcher');
  }

  statValue(name: 'customers' | 'events' | 'orders' | 'range'): Locator {
    return this.page.getByTestId(`stat-${name}-value`);
  }

  /** The number a stat card shows, once it shows one (it shows "…" while loading). */
  async statNumber(name: 'customers' | 'events' | 'orders'): Promise<number> {
    await expect(this.statValue(name)).toHaveText(/\d/);
    const text = (await this.statValue(name).textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  get customersTable(): Locator {
    return this.page.getByTestId('customers-table');
  }

  get customerRows(): Locator {
    return this.customersTable.locator('.MuiDataGrid-row');
  }

  async searchCustomers(text: string): Promise<void> {
    await this.customersTable.getByRole('searchbox').fill(text);
  }

  /** Sorts the customers table by a column, highest first, and waits for the worker's page. */
  async sortCustomersDescending(column: string): Promise<void> {
    const header = this.customersTable.getByRole('columnheader', { name: column });
    await header.click();
    await header.click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(this.customersTable).toHaveAttribute('aria-busy', 'false');
  }

  get customerCard(): Locator {
    return this.page.getByTestId('customer-card');
  }

  async openWorkspaceMenu(): Promise<void> {
    await this.workspaceSwitcher.click();
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  async chooseWorkspaceAction(label: RegExp): Promise<void> {
    await this.openWorkspaceMenu();
    await this.page.getByRole('menuitem', { name: label }).click();
  }

  async switchToWorkspace(name: string): Promise<void> {
    await this.openWorkspaceMenu();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
    await expect(this.workspaceSwitcher).toContainText(name);
  }

  async chooseLanguage(label: 'Русский' | 'English'): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language|Язык/ }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async navigate(label: RegExp): Promise<void> {
    await clickNavigationLink(this.page, label);
  }
}
