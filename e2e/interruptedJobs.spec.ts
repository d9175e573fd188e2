import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { heldCalls, holdRunsUntilCancel, holdWorkerCallsUntilCancel } from './heldCalls';
import { ChainLabApp } from './pages/chainLabApp';
import { RunCanvasPage } from './pages/runCanvasPage';
import { latinUiWords } from './russianText';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

/**
 * A tab closed in the middle of a run or of opening a workspace file (issue 17): on reopening,
 * nothing half-written is there and the user is told what was cut off. The job is held in the
 * page (heldCalls.ts) so that it is surely still running when the tab closes.
 */
test('a run cut off by closing its tab is named on reopening, and nothing of it was saved', async ({ app, page }) => {
  test.setTimeout(300_000);
  await holdRunsUntilCancel(page);
  await app.open();
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  await run.openFromCanvas();
  await page.getByTestId('run-start').click();
  await expect(run.progress).toHaveAttribute('data-state', 'running');
  await expect.poll(() => heldCalls(page)).toBe(1);
  const context = page.context();
  await page.close();

  const again = await context.newPage();
  const reopened = new ChainLabApp(again);
  await reopened.open('/runs');
  const notice = again.getByTestId('job-interrupted');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(/The run “Abandoned cart”, started .+, was cut off: its tab was closed before the run ended\. Nothing of it was saved — start it again\./);
  await expect(again.getByTestId('runs-empty')).toBeVisible();
  await expectNoAxeViolations(again, 'the notice of a cut-off run');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await again.reload();
  await reopened.waitUntilReady();
  await expect(again.getByTestId('runs-empty')).toBeVisible();
  await expect(again.getByTestId('job-interrupted')).toHaveCount(0);
});

test('opening a workspace file cut off by closing its tab is named on reopening, in Russian, and no workspace was added', async ({ app, page }) => {
  test.setTimeout(240_000);
  await holdWorkerCallsUntilCancel(page, 'importWorkspace');
  await app.open();
  await app.chooseLanguage('Русский');
  await app.chooseWorkspaceAction(/Открыть файл пространства/);
  const dialog = page.getByRole('dialog', { name: 'Открыть файл пространства' });
  await dialog.getByTestId('workspace-file-input').setInputFiles({ name: 'Семинар <b>май</b>.chainlab', mimeType: 'application/octet-stream', buffer: Buffer.from('held in the page: never read') });
  await dialog.getByRole('button', { name: 'Открыть как новое пространство' }).click();
  await expect.poll(() => heldCalls(page)).toBe(1);
  const context = page.context();
  await page.close();

  const again = await context.newPage();
  const reopened = new ChainLabApp(again);
  await reopened.open();
  const notice = again.getByTestId('job-interrupted');
  await expect(notice).toContainText(/^Открытие файла пространства «Семинар <b>май<\/b>\.chainlab», начатое .+, прервано: его вкладку закрыли до конца\. Ничего не сохранено, пространство не добавлено — откройте файл снова\.Скрыть$/);
  await reopened.openWorkspaceMenu();
  await expect(again.getByRole('menuitem', { name: /Семинар/ })).toHaveCount(0);
  await again.keyboard.press('Escape');
  expect(await latinUiWords(again)).toEqual([]);
  await expectNoAxeViolations(again, 'the notice of a cut-off workspace file, in Russian');
  await again.screenshot({ path: `${SCREENS}/interrupted-workspace-file-ru.png` });
  await notice.getByRole('button', { name: 'Скрыть' }).click();
  await expect(notice).toHaveCount(0);
});
