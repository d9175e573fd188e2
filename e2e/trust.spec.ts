import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ChainLabApp } from './pages/chainLabApp';
import { expectNoAxeViolations } from './a11y';
import { ImportPage } from './pages/importPage';
import { JourneyPage } from './pages/journeyPage';
import { RunCanvasPage } from './pages/runCanvasPage';

/** Numbers, language and layout a marketer trusts at a glance (issue 11), as a user meets them. */

async function newEmptyWorkspace(page: Page, app: ChainLabApp, name: string): Promise<void> {
  await app.chooseWorkspaceAction(/New workspace/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText(name);
}

test('an export of orders only: its currency is used, and the journey explains the stages it cannot show', async ({ app, page }) => {
  await app.open();
  await newEmptyWorkspace(page, app, 'Shop orders');
  await expect(page.getByTestId('empty-workspace')).toContainText('with “Import CSV” above');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('shopify_orders_usd.csv');
  await expect(importPage.runButton).toHaveText('Import about 35 rows');
  await importPage.runButton.click();
  await expect(importPage.count('accepted')).toHaveText('35', { timeout: 60_000 });

  // Money in the data's currency (its "Currency" column says USD), the same decimals down a column.
  await page.getByRole('link', { name: 'Data' }).first().click();
  await app.sortCustomersDescending('Revenue');
  const revenues = await app.customerRows.locator('[data-field="revenue"]').allTextContents();
  expect(revenues.length).toBeGreaterThan(5);
  for (const revenue of revenues) expect(revenue).toMatch(/^\$\d{1,3}(,\d{3})*$/);
  await app.chooseWorkspaceAction(/Settings/);
  await expect(page.getByTestId('workspace-currency-source')).toHaveText('Guessed from the currency column of the imported data.');
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Currency' })).toHaveValue(/^USD/);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  const journey = new JourneyPage(page);
  await journey.open();
  const note = page.getByTestId('journey-without-evidence');
  await expect(note).toContainText('Awareness, Interest, Consideration, Advocacy');
  await expect(page.getByTestId('funnel-row-interest')).toHaveCount(0);
  await expect(page.getByTestId('funnel-row-purchase')).toBeVisible();
  const funnel = page.getByTestId('journey-funnel');
  for (const conversion of await funnel.locator('[data-testid^="funnel-conversion-"]').allTextContents()) expect(conversion).not.toBe('100.0%');
  for (const dropOff of await funnel.locator('[data-testid^="funnel-dropoff-"]').allTextContents()) expect(dropOff).not.toBe('−0');
  await expect(page.getByTestId('funnel-conversion-retention')).toHaveText(/^\d{1,2}\.\d%$/);
  await expect(page.getByTestId('journey-period-figure-canvas')).toHaveAttribute('aria-label', /The first period holds everyone already there when the data starts/);
  await expectNoAxeViolations(page, 'the journey of an orders-only workspace');

  // Shown on request, the stages say they have no events instead of "100 %" and "−0".
  await note.getByRole('button', { name: 'Show them anyway' }).click();
  await expect(page.getByTestId('funnel-row-interest')).toContainText('no events in the data');
  await expect(page.getByTestId('funnel-conversion-interest')).toHaveText('—');
  await expect(page.getByTestId('funnel-dropoff-interest')).toHaveText('—');
  await expect(page.getByTestId('funnel-conversion-purchase')).toHaveText('—');

  // A run on it: no contacts in the data, so "everyone reachable" is on and the dialog says why.
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  await run.openFromCanvas();
  await expect(page.getByTestId('run-no-contacts')).toContainText('Your data has no contacts or consents');
  await expect(page.getByTestId('run-reachable')).toBeChecked();
  await expect(page.getByTestId('run-start')).toBeEnabled();
});

test('data with events, none of them for a stage: the journey says no event type is assigned to it, not that there are only orders', async ({ app, page }) => {
  await app.open();
  await newEmptyWorkspace(page, app, 'Site events');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('bom_events.csv');
  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 60_000 });

  const journey = new JourneyPage(page);
  await journey.open();
  const note = page.getByTestId('journey-without-evidence');
  await expect(note).toContainText('Advocacy');
  await expect(note).toContainText('nothing in this data puts a customer into these stages — none of its event types is assigned to them');
  await expect(note).not.toContainText('only orders');
  await expectNoAxeViolations(page, 'the journey of data whose events leave a stage empty');
  await app.chooseLanguage('Русский');
  await expect(note).toContainText('ни один тип событий не отнесён к ним');
  await expect(note).not.toContainText('только заказы');
});

test('a toast shown in one language speaks the other after a switch', async ({ app, page }) => {
  // The page's clock stops once the toast is up, so it stays while the language is switched.
  await page.clock.install();
  await app.open();
  await app.chooseWorkspaceAction(/Rename/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Workshop');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveText('Workspace renamed to “Workshop”.');
  // The page's own clock, not this process's: on a loaded machine they drift apart. A second
  // ahead is well inside the toast's 6 s.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await app.chooseLanguage('Русский');
  await expect(notice).toHaveText('Пространство переименовано в «Workshop».');
});

test('a name longer than allowed is stopped while typing, with a counter', async ({ app, page }) => {
  await app.open();
  await app.chooseWorkspaceAction(/New workspace/);
  const dialog = page.getByRole('dialog');
  const name = dialog.getByLabel('Name');
  await name.fill('');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  await expect(dialog).toContainText('Give the workspace a name.');
  await name.pressSequentially('x'.repeat(90));
  await expect(name).toHaveValue('x'.repeat(80));
  await expect(dialog.getByTestId('length-counter')).toHaveText('80 / 80');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeEnabled();
});

test('Russian: the data grid, plurals, dates and the date picker speak Russian', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  await expect(app.customersTable).toContainText('Строк на странице:');
  await expect(app.customersTable).toContainText(/1–50 из 5\s000/);
  await app.customerRows.first().click();
  await expect(app.customerCard.getByText(/^\d[\d\s]* (событие|события|событий)$/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('link', { name: 'Сегменты (RFM)' }).click();
  await expect(page.getByTestId('rfm-results')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await page.getByTestId('rfm-as-of').getByRole('button').click();
  const calendar = page.getByRole('dialog');
  await expect(calendar).toContainText(/(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь) \d{4}/);
  await expect(page.getByTestId('rfm-as-of').getByRole('spinbutton').first()).toHaveAttribute('aria-label', /День|день/);
});

test('the keyboard reaches the customer card from the table, with a visible focus', async ({ app, page }) => {
  await app.open();
  // As a keyboard user does: once the table has loaded its rows (a focus given while it is still
  // loading is lost when the rows are drawn again).
  await expect(app.customersTable).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  const cell = app.customerRows.first().locator('[data-field="name"]');
  await cell.focus();
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.customerCard).toBeVisible();
  const close = app.customerCard.getByRole('button', { name: 'Close' });
  await close.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const outline = await close.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(app.customerCard).toBeHidden();
});
