import { expect, type Page } from '@playwright/test';
import type { ChainLabApp } from './pages/chainLabApp';
import { ChainsPage } from './pages/chainsPage';
import { RunResultsPage } from './pages/runResultsPage';

/**
 * Every screen of the app, and every state a user opens on it (dialogs, drawers, tabs, menus):
 * the screen walk (screens.spec.ts) opens each in English and Russian, at 1440 and 800 px, saves
 * a screenshot, and checks that nothing is cut off, that the page passes a WCAG 2 A/AA audit
 * and, in Russian, that no UI text is left in English.
 *
 * A new screen is covered by adding it here: where it is (`path`), what the user does to get
 * to the state (`open`, optional) and what shows it is ready (`ready`: its content, not a
 * spinner). Address elements by test id or role, never by their text: the walk runs in both
 * languages. Keep states that change the data (an import) at the end of the list.
 */
export interface AppScreen {
  /** names the screenshots: `<language>-<width>-<name>.png` */
  name: string;
  path: string;
  open?(page: Page): Promise<void>;
  ready(page: Page): Promise<void>;
}

const LONG = { timeout: 60_000 };

async function notBusy(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId)).toBeVisible(LONG);
  await expect(page.getByTestId(testId)).toHaveAttribute('aria-busy', 'false', LONG);
}

async function openWorkspaceMenu(page: Page): Promise<void> {
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByRole('menu')).toBeVisible();
}

/** A new blank chain open in the editor, its canvas drawn. */
async function openNewChain(page: Page): Promise<void> {
  await page.getByTestId('new-blank').click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LONG);
}

export const SCREENS: AppScreen[] = [
  { name: 'data', path: '/data', ready: async (page) => expect(page.getByTestId('customers-table').locator('.MuiDataGrid-row').first()).toBeVisible(LONG) },
  {
    name: 'customer-card',
    path: '/data?customer=0',
    ready: async (page) => {
      await expect(page.getByTestId('customer-timeline').locator('li').first()).toBeVisible(LONG);
      await expect(page.getByTestId('customer-rfm')).toBeVisible(LONG);
      await expect(page.getByTestId('customer-journey')).toBeVisible(LONG);
    },
  },
  { name: 'data-quality', path: '/data/quality', ready: async (page) => expect(page.getByTestId('quality-report')).toBeVisible(LONG) },
  { name: 'import', path: '/data/import', ready: async (page) => expect(page.getByTestId('import-drop-zone')).toBeVisible(LONG) },
  {
    name: 'import-preview',
    path: '/data/import',
    open: async (page) => page.getByTestId('import-file-input').setInputFiles('e2e/fixtures/import/excel_ru_customers.csv'),
    ready: async (page) => expect(page.getByTestId('import-mapping')).toBeVisible(LONG),
  },
  { name: 'segments', path: '/segments', ready: async (page) => notBusy(page, 'rfm-results') },
  {
    name: 'segments-date-picker',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-as-of').getByRole('button').click();
    },
    ready: async (page) => expect(page.getByRole('dialog').getByRole('grid')).toBeVisible(),
  },
  {
    name: 'segments-table',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-tab-table').click();
    },
    ready: async (page) => expect(page.getByTestId('rfm-segment-table')).toBeVisible(),
  },
  {
    name: 'segments-movement',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-tab-movement').click();
    },
    ready: async (page) => expect(page.getByTestId('rfm-transition-matrix')).toBeVisible(LONG),
  },
  {
    name: 'segments-customers',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-heatmap').locator('button[data-testid^="rfm-cell-"]').first().click();
    },
    ready: async (page) => expect(page.getByTestId('rfm-customer-list').locator('.MuiDataGrid-row').first()).toBeVisible(LONG),
  },
  {
    name: 'segments-map-editor',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-edit-map').click();
    },
    ready: async (page) => expect(page.getByTestId('rfm-map-editor')).toBeVisible(),
  },
  { name: 'journey-funnel', path: '/journey', ready: async (page) => { await notBusy(page, 'journey-panel'); await expect(page.getByTestId('journey-funnel')).toBeVisible(); } },
  { name: 'journey-cjm', path: '/journey?tab=cjm', ready: async (page) => { await notBusy(page, 'journey-panel'); await expect(page.getByTestId('journey-cjm')).toBeVisible(); } },
  { name: 'journey-lifecycle', path: '/journey?tab=lifecycle', ready: async (page) => { await notBusy(page, 'journey-panel'); await expect(page.getByTestId('flows-table')).toBeVisible(LONG); } },
  {
    name: 'journey-inaction',
    path: '/journey?tab=inaction',
    open: async (page) => {
      await notBusy(page, 'journey-panel');
      await page.getByTestId('inaction-show-one_order_no_repeat').click();
    },
    ready: async (page) => expect(page.getByTestId('inaction-list').locator('.MuiDataGrid-row').first()).toBeVisible(LONG),
  },
  { name: 'journey-mapping', path: '/journey?tab=mapping', ready: async (page) => expect(page.getByTestId('mapping-editor')).toBeVisible(LONG) },
  {
    name: 'journey-add-stage',
    path: '/journey?tab=mapping',
    open: async (page) => {
      await expect(page.getByTestId('mapping-editor')).toBeVisible(LONG);
      await page.getByTestId('mapping-add-stage').click();
    },
    ready: async (page) => expect(page.getByTestId('stage-name-input')).toBeVisible(),
  },
  {
    name: 'segments-chart-table',
    path: '/segments',
    open: async (page) => {
      await notBusy(page, 'rfm-results');
      await page.getByTestId('rfm-chart').getByRole('button').click();
    },
    ready: async (page) => expect(page.getByTestId('rfm-chart-table')).toBeVisible(),
  },
  {
    name: 'metrics',
    path: '/metrics',
    ready: async (page) => {
      await expect(page.getByTestId('metrics-results')).toHaveAttribute('aria-busy', 'false', LONG);
      await expect(page.getByTestId('cohort-table')).toBeVisible();
    },
  },
  { name: 'chains', path: '/chains', ready: async (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  {
    name: 'chain-template-picker',
    path: '/chains',
    open: async (page) => page.getByTestId('new-from-template').click(),
    ready: async (page) => expect(page.getByRole('dialog').getByTestId('template-event-type').first()).toBeVisible(LONG),
  },
  { name: 'audiences', path: '/audiences', ready: async (page) => { await expect(page.getByTestId('audience-ready-made')).toBeVisible(LONG); await expect(page.getByTestId('audience-overlap')).toBeVisible(); } },
  {
    name: 'audiences-ready-made',
    path: '/audiences',
    open: async (page) => page.getByTestId('audience-ready-made').click(),
    ready: async (page) => expect(page.getByTestId('ready-made-oneTimeBuyers')).toBeVisible(LONG),
  },
  {
    name: 'audiences-editor-profile',
    path: '/audiences',
    open: async (page) => {
      await page.getByTestId('audience-new').click();
      await expect(page.getByTestId('audience-count')).toHaveAttribute('data-size', /\d+/, LONG);
      await page.getByTestId('audience-profile-toggle').click();
    },
    ready: async (page) => {
      await expect(page.getByTestId('audience-profile')).toBeVisible(LONG);
      await expect(page.getByTestId('audience-customers').locator('.MuiDataGrid-row').first()).toBeVisible(LONG);
    },
  },
  {
    name: 'audiences-export-columns',
    path: '/audiences',
    open: async (page) => {
      await page.getByTestId('audience-new').click();
      await page.getByTestId('audience-export-columns').click();
    },
    ready: async (page) => expect(page.getByTestId('audience-column-consent.email')).toBeVisible(LONG),
  },
  { name: 'runs', path: '/runs', ready: async (page) => expect(page.getByTestId('runs-empty')).toBeVisible(LONG) },
  { name: 'workspace-menu', path: '/data', open: openWorkspaceMenu, ready: async (page) => expect(page.getByRole('menu')).toBeVisible() },
  {
    name: 'workspace-settings',
    path: '/data',
    open: async (page) => {
      await openWorkspaceMenu(page);
      await page.getByTestId('workspace-action-settings').click();
    },
    ready: async (page) => expect(page.getByTestId('workspace-currency-source')).toBeVisible(),
  },
  {
    name: 'new-workspace',
    path: '/data',
    open: async (page) => {
      await openWorkspaceMenu(page);
      await page.getByTestId('workspace-action-create').click();
    },
    ready: async (page) => expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible(),
  },
  {
    name: 'delete-workspace',
    path: '/data',
    open: async (page) => {
      await openWorkspaceMenu(page);
      await page.getByTestId('workspace-action-delete').click();
    },
    ready: async (page) => expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible(),
  },
  {
    name: 'storage',
    path: '/data',
    open: async (page) => page.getByTestId('storage-button').click(),
    ready: async (page) => expect(page.getByTestId('storage-popover')).toContainText(/\d/),
  },
  // A new chain each: the editor (its side panel shows the chain's settings), then its versions dialog.
  { name: 'chain-editor', path: '/chains', open: openNewChain, ready: async (page) => expect(page.getByTestId('inspector-settings-panel')).toBeVisible(LONG) },
  {
    name: 'chain-versions',
    path: '/chains',
    open: async (page) => {
      await openNewChain(page);
      await page.getByTestId('toolbar-versions').click();
    },
    ready: async (page) => expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible(),
  },
  {
    name: 'run-results',
    path: '/runs',
    open: async (page) => {
      const [runId] = await runIds(page, 1);
      await page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`).getByRole('link').first().click();
    },
    ready: async (page) => {
      await expect(page.getByTestId('headline-cards')).toBeVisible(LONG);
      await expect(page.getByTestId('day-chart-messages')).toBeVisible();
    },
  },
  {
    name: 'run-trace',
    path: '/runs',
    open: async (page) => {
      await openLatestRunOnCanvas(page);
      // The trigger's customers, then the first one's trace.
      await new ChainsPage(page).node('cart_add').getByTestId('node-overlay').click();
      const firstCustomer = page.getByTestId('node-customers').locator('.MuiDataGrid-row').first();
      await firstCustomer.getByTestId('node-customer-trace').click(LONG);
    },
    ready: async (page) => {
      await expect(page.getByTestId('trace-step').first()).toBeVisible(LONG);
      await expect(page.getByTestId('trace-event').first()).toBeVisible(LONG);
    },
  },
  {
    name: 'run-compare',
    path: '/runs',
    open: async (page) => {
      for (const runId of await runIds(page, 2)) await page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`).getByRole('checkbox').check();
      await page.getByTestId('run-compare').click();
    },
    ready: async (page) => {
      await expect(page.getByTestId('compare-figures')).toBeVisible(LONG);
      await expect(page.getByTestId('run-compare-page')).toHaveAttribute('aria-busy', 'false', LONG);
    },
  },
  {
    // A run's figures on its chain's cards, fitted to the canvas (zoomed out, the figures stay a 24-px target).
    name: 'run-canvas',
    path: '/runs',
    open: async (page) => {
      await openLatestRunOnCanvas(page);
      await expect(page.getByTestId('node-overlay').first()).toBeVisible(LONG);
      await page.locator('.react-flow__controls-fitview').click();
    },
    ready: async (page) => expect(new ChainsPage(page).node('cart_add').getByTestId('node-overlay')).toBeVisible(LONG),
  },
  {
    name: 'runs-list',
    path: '/runs',
    open: async (page) => {
      await runIds(page, 2);
    },
    ready: async (page) => expect(page.getByTestId('run-row').nth(1)).toBeVisible(LONG),
  },
  {
    name: 'import-report',
    path: '/data/import',
    open: async (page) => {
      await page.getByTestId('import-file-input').setInputFiles('e2e/fixtures/import/excel_ru_customers.csv');
      await page.getByTestId('import-run').click();
    },
    ready: async (page) => expect(page.getByTestId('import-report')).toBeVisible(LONG),
  },
];

/**
 * The ids of the first `count` runs of the Runs screen (open): made when missing —
 * the abandoned-cart template run with the Run dialog's defaults (a fixed period: the last 90 days
 * of the demo data), then repeats of it — and reused by the next entries of the walk.
 */
/** From /runs: a run's results, then its chain's canvas with the run's figures (a run is made when there is none). */
async function openLatestRunOnCanvas(page: Page): Promise<void> {
  const [runId] = await runIds(page, 1);
  await page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`).getByRole('link').first().click();
  await page.getByTestId('run-show-on-canvas').first().click();
  await new ChainsPage(page).waitForEditor();
}

async function runIds(page: Page, count: number): Promise<string[]> {
  const runs = new RunResultsPage(page);
  await expect(page.getByTestId('runs-empty').or(runs.rows.first())).toBeVisible(LONG);
  if (await page.getByTestId('runs-empty').isVisible()) {
    await runs.runTemplate('abandoned-cart');
    await page.getByTestId('run-close').click();
    await expect(page.getByTestId('run-dialog')).toBeHidden();
    await runs.openFromNavigation();
  }
  await expect(runs.rows.first()).toBeVisible(LONG);
  for (let shown = await runs.rows.count(); shown < count; shown++) {
    await runs.rowAction(runs.rows.first(), 'repeat');
    await expect(runs.rows).toHaveCount(shown + 1, { timeout: 240_000 });
  }
  const ids = await runs.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')!));
  return ids.slice(0, count);
}

/** Opens a screen from its address, as after a reload, and brings it to its state. */
export async function showScreen(app: ChainLabApp, screen: AppScreen): Promise<void> {
  await app.open(screen.path);
  await screen.open?.(app.page);
  await screen.ready(app.page);
  // Let entering dialogs and menus finish their transition before anything is measured.
  await app.page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity));
}
