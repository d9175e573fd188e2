import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { heldCalls, holdWorkerCallsUntilCancel, releaseHeldCalls } from './heldCalls';
import { JourneyPage, parseCount, type LifecycleStatus } from './pages/journeyPage';

const STATUSES: LifecycleStatus[] = ['prospect', 'new', 'active', 'at_risk', 'lapsed', 'churned'];

// Each walk recomputes the overview several times; on a loaded machine that passes 90 s with every step green.
test.describe.configure({ timeout: 180_000 });

test('dragging an event type onto another stage changes the funnel, and the menu moves it back', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  await journey.open();
  const consideration = await journey.funnelNumber('furthest', 'consideration');
  const interest = await journey.funnelNumber('furthest', 'interest');
  const reachedConsideration = await journey.funnelNumber('reached', 'consideration');
  expect(consideration).toBeGreaterThan(0);

  await journey.showTab('mapping');
  await expect(journey.mappingStage('consideration').getByTestId('mapping-item-cart_add')).toBeVisible();
  await journey.dragItemToStage('cart_add', 'interest');
  await expect(journey.mappingStage('interest').getByTestId('mapping-item-cart_add')).toBeVisible();
  await expect(journey.mappingStage('consideration').getByTestId('mapping-item-cart_add')).toHaveCount(0);

  await journey.showTab('funnel');
  // Customers whose only Consideration events were cart adds now stop at Interest.
  await expect.poll(() => journey.funnelNumber('furthest', 'consideration')).toBeLessThan(consideration);
  const movedDown = consideration - (await journey.funnelNumber('furthest', 'consideration'));
  expect(await journey.funnelNumber('furthest', 'interest')).toBe(interest + movedDown);
  expect(await journey.funnelNumber('reached', 'consideration')).toBe(reachedConsideration - movedDown);
  await page.screenshot({ path: test.info().outputPath('journey-funnel-after-drag.png'), fullPage: true });

  // The mapping is saved with the workspace.
  await page.reload();
  await app.waitUntilReady();
  await journey.waitForResults();
  expect(await journey.funnelNumber('furthest', 'consideration')).toBe(consideration - movedDown);

  await journey.showTab('mapping');
  await journey.moveItemWithMenu('cart_add', /^Consideration$/);
  await expect(journey.mappingStage('consideration').getByTestId('mapping-item-cart_add')).toBeVisible();
  await journey.showTab('funnel');
  await expect.poll(() => journey.funnelNumber('furthest', 'consideration')).toBe(consideration);
});

test('an inaction list shows its customers, opens a card and downloads as CSV', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  await journey.open();
  await journey.showTab('inaction');
  const count = await journey.inactionCount('one_order_no_repeat');
  expect(count).toBeGreaterThan(0);

  await page.getByTestId('inaction-show-one_order_no_repeat').click();
  await expect(journey.inactionList).toContainText(`One order, no second · ${count.toLocaleString('en-GB')}`);
  const firstRow = journey.inactionRows.first();
  await expect(firstRow.locator('[data-field="id"]')).toHaveText(/\S/);
  await expect(firstRow.locator('[data-field="orders"]')).toHaveText('1');
  await expect(firstRow.locator('[data-field="stageId"]')).toHaveText(/Purchase|Advocacy/);
  const id = (await firstRow.locator('[data-field="id"]').textContent())!.trim();
  const name = (await firstRow.locator('[data-field="name"]').textContent())!.trim();
  const days = parseCount(await firstRow.locator('[data-field="days"]').textContent());
  expect(days).toBeGreaterThanOrEqual(60);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inaction-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^chainlab-one-order-no-repeat-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
  expect(lines[0]).toBe('customer_id,name,email,phone,stage,stage_name,lifecycle_status,orders,first_order_date,days_since');
  expect(lines).toHaveLength(count + 1);
  expect(lines[1]!.startsWith(`${id},`)).toBe(true);
  expect(lines[1]).toContain(`,1,`);
  expect(lines[1]!.endsWith(`,${days}`)).toBe(true);
  expect(lines.slice(1).every((line) => !/^[=+\-@]/.test(line))).toBe(true);

  await firstRow.click();
  await expect(app.customerCard).toBeVisible();
  await expect(page.getByTestId('customer-card-name')).toHaveText(name);
  await expect(page.getByTestId('customer-journey-stage')).toHaveText(/Purchase|Advocacy/);
  await expect(page.getByTestId('customer-journey-status')).toHaveText(/Active|At risk|Lapsed|Churned/);
  await expect(page.getByTestId('customer-journey')).toContainText(`${days} days since the last order`);
  await page.screenshot({ path: test.info().outputPath('journey-card.png') });
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(app.customerCard).toBeHidden();
});

test('lifecycle counts cover every known customer and follow the thresholds', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  await journey.open();
  const customers = parseCount(await page.getByTestId('journey-stat-customers-value').textContent());
  await journey.showTab('lifecycle');
  const before = Object.fromEntries(await Promise.all(STATUSES.map(async (status) => [status, await journey.lifecycleCount(status)] as const)));
  expect(STATUSES.reduce((sum, status) => sum + before[status]!, 0)).toBe(customers);

  await page.getByTestId('lifecycle-activeDays').fill('45');
  await expect(page.getByTestId('lifecycle-save')).toBeEnabled();
  await page.getByTestId('lifecycle-atRiskDays').fill('40');
  await expect(page.getByRole('alert').filter({ hasText: 'T2 must be greater than T1' })).toBeVisible();
  await expect(page.getByTestId('lifecycle-save')).toBeDisabled();
  await page.getByTestId('lifecycle-atRiskDays').fill('180');
  await page.getByTestId('lifecycle-save').click();
  await expect(page.getByText('last order within 45 days')).toBeVisible();
  await journey.waitForResults();
  await expect.poll(() => journey.lifecycleCount('active')).toBeLessThan(before.active!);
  const after = Object.fromEntries(await Promise.all(STATUSES.map(async (status) => [status, await journey.lifecycleCount(status)] as const)));
  expect(after.at_risk).toBe(before.at_risk! + (before.active! - after.active!) + (before.new! - after.new!));
  expect(STATUSES.reduce((sum, status) => sum + after[status]!, 0)).toBe(customers);

  const flows = page.getByTestId('flows-table');
  await expect(flows).toBeVisible();
  await expect(flows.locator('tbody tr').last()).toContainText('Total');
});

test('the journey screen speaks Russian and English', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  await journey.open();
  await expect(page.getByRole('heading', { name: 'Journey stages' })).toBeVisible();
  await expect(page.getByTestId('funnel-row-awareness')).toContainText('Awareness');
  await page.screenshot({ path: test.info().outputPath('journey-en.png'), fullPage: true });

  await app.chooseLanguage('Русский');
  await expect(page.getByRole('heading', { name: 'Этапы пути клиента' })).toBeVisible();
  await expect(page.getByTestId('journey-tab-funnel')).toHaveText('Воронка');
  await expect(page.getByTestId('funnel-row-awareness')).toContainText('Знакомство');
  await expect(page.getByTestId('funnel-row-purchase')).toContainText('Покупка');
  await journey.showTab('cjm');
  await expect(page.getByTestId('cjm-chains-row')).toContainText('Цепочки для этого этапа');
  await journey.showTab('mapping');
  await expect(journey.mappingItem('@first_order')).toContainText('Первый заказ');
  await page.screenshot({ path: test.info().outputPath('journey-ru-mapping.png'), fullPage: true });
  await journey.showTab('inaction');
  await expect(page.getByTestId('inaction-card-one_order_no_repeat')).toContainText('Один заказ, второго нет');
  await page.screenshot({ path: test.info().outputPath('journey-ru-inaction.png'), fullPage: true });
});

test('stages can be added, renamed and removed', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  await journey.open();
  await journey.showTab('mapping');

  await page.getByTestId('mapping-add-stage').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByText('Give the stage a name.')).toBeVisible();
  await page.getByTestId('stage-name-input').fill('Loyalty club');
  await dialog.getByRole('combobox', { name: 'After' }).click();
  await page.getByRole('option', { name: 'Retention' }).click();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('mapping-stage-name-stage_1')).toHaveText('6. Loyalty club');
  await expect(page.getByTestId('mapping-stage-name-advocacy')).toHaveText('7. Advocacy');

  await journey.moveItemWithMenu('loyalty_card', /^Loyalty club$/);
  await expect(journey.mappingStage('stage_1').getByTestId('mapping-item-loyalty_card')).toBeVisible();
  await journey.showTab('funnel');
  await expect(page.getByTestId('funnel-row-stage_1')).toContainText('Loyalty club');
  expect(await journey.funnelNumber('reached', 'stage_1')).toBeGreaterThan(0);

  await journey.showTab('mapping');
  await page.getByRole('button', { name: 'Stage actions: Loyalty club' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByTestId('stage-name-input').fill('Card holders');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('mapping-stage-name-stage_1')).toHaveText('6. Card holders');

  await page.getByRole('button', { name: 'Stage actions: Card holders' }).click();
  await page.getByRole('menuitem', { name: 'Remove stage' }).click();
  await expect(dialog).toContainText('Remove the stage “Card holders”?');
  await page.getByTestId('confirm-dialog-ok').click();
  await expect(journey.mappingStage('stage_1')).toHaveCount(0);
  await expect(page.getByTestId('mapping-unassigned').getByTestId('mapping-item-loyalty_card')).toBeVisible();
});

test('a stage dialog opened before the figures arrive stays open, with what was typed, when they do', async ({ app, page }) => {
  await holdWorkerCallsUntilCancel(page, 'overview');
  await app.open('/journey?tab=mapping');
  await expect.poll(() => heldCalls(page), { timeout: 60_000 }).toBeGreaterThan(0);
  const addStage = page.getByTestId('mapping-add-stage');
  const placeBefore = await addStage.boundingBox();
  await addStage.click();
  await page.getByTestId('stage-name-input').fill('Loyalty club');

  await releaseHeldCalls(page);
  const journey = new JourneyPage(page);
  await journey.waitForResults();
  await expect(page.getByTestId('stage-name-input')).toHaveValue('Loyalty club');
  // nothing above the editor came or went with the figures: its buttons stayed under the pointer
  expect(await addStage.boundingBox()).toEqual(placeBefore);
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('mapping-stage-name-stage_1')).toContainText('Loyalty club');
});

test('a workspace without events says there is nothing to place yet', async ({ app, page }) => {
  await app.open();
  const journey = new JourneyPage(page);
  const dialog = page.getByRole('dialog');
  await app.chooseWorkspaceAction(/New workspace/);
  await dialog.getByLabel('Name').fill('Empty shop');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Empty shop');
  await journey.open();
  await expect(page.getByTestId('journey-no-events')).toContainText('This workspace has no events yet');
});
