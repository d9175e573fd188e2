import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ChainsPage, type NodeKind } from './pages/chainsPage';

test('builds a chain on the canvas: palette, links, a refused link, "+" on a link and an exit, findings, undo / redo', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await expect(page.getByText(/No chains yet/)).toBeVisible();
  const triggerId = await chains.startBlankChain();

  // Every kind from the palette, in two rows so nothing overlaps.
  const kinds: NodeKind[] = ['message', 'timer', 'filter', 'split', 'goal', 'trigger'];
  for (const [index, kind] of kinds.entries()) {
    await chains.dragFromPalette(kind, { x: 0.12 + 0.26 * (index % 3), y: index < 3 ? 0.62 : 0.88 });
    await expect(chains.nodesOfKind(kind)).toHaveCount(kind === 'trigger' ? 2 : 1);
  }
  await page.screenshot({ path: test.info().outputPath('palette-drops.png') });
  const [messageId, timerId, , , goalId, secondTrigger] = (await chains.nodeIds()).slice(1);

  // A link from the trigger to the message.
  await chains.connect(triggerId, 'out', messageId!);
  await expect(chains.edges).toHaveCount(1);
  await expect(chains.node(triggerId).getByTestId('port-plus-out')).toHaveCount(0);

  // A link into a trigger is refused, and the user is told why.
  await chains.connectToNode(messageId!, 'out', secondTrigger!);
  await expect(page.getByRole('alert').filter({ hasText: /Cannot link: A trigger starts the chain/ })).toBeVisible();
  await expect(chains.edges).toHaveCount(1);

  // "+" on the link inserts a timer between trigger and message.
  const edgeId = (await chains.edgeList())[0]!;
  await chains.insertOnEdge(edgeId, 'timer');
  await expect(chains.nodesOfKind('timer')).toHaveCount(2);
  await expect(chains.edges).toHaveCount(2);

  // Tidy up lays everything out top-down, then "+" on the message's free exit adds a goal under it.
  await chains.tool('layout').click();
  await chains.tool('fit').click();
  // Fitted, the chain is too small for "+" buttons; the message's finding brings it to the middle, close up.
  await page.locator(`[data-testid="finding"][data-node-id="${messageId!}"]`).first().click();
  await chains.insertAtPort(messageId!, 'out', 'goal');
  await expect(chains.nodesOfKind('goal')).toHaveCount(2);
  await expect(chains.edges).toHaveCount(3);

  // The message misses its channel and text: a finding and a badge on its card; deleting it clears both.
  await expect(chains.node(messageId!).getByTestId('node-warning')).toBeVisible();
  const messageFinding = chains.findings.filter({ hasText: /message has no text|no channel|needs a subject/i }).first();
  await expect(messageFinding).toBeVisible();
  await messageFinding.click();
  await expect(chains.node(messageId!)).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(chains.node(messageId!)).toHaveCount(0);
  await expect(chains.findings.filter({ hasText: /message has no text/i })).toHaveCount(0);
  // The timer before it is now linked to the goal after it.
  await expect(chains.edges).toHaveCount(2);

  // Undo brings the message and its findings back; redo deletes it again.
  await chains.tool('undo').click();
  await expect(chains.node(messageId!)).toBeVisible();
  await expect(chains.findings.filter({ hasText: /message has no text/i })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(chains.node(messageId!)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(chains.node(messageId!)).toBeVisible();
  void timerId;
  void goalId;
  await page.screenshot({ path: test.info().outputPath('built-chain.png') });
});

test('copy / paste and duplicate, tidy up, sticky notes, and the chain is intact after a reload', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  const triggerId = await chains.startBlankChain();
  const timerId = await chains.addAfter(triggerId, 'out', 'timer');
  const messageId = await chains.addAfter(timerId, 'out', 'message');

  // Select the timer and the message (Ctrl+click), copy and paste through the clipboard.
  await chains.node(timerId).click();
  await chains.node(messageId).click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('alert').filter({ hasText: 'Copied 2' })).toBeVisible();
  await page.keyboard.press('Control+v');
  await expect(chains.nodes).toHaveCount(5);
  await expect(chains.edges).toHaveCount(3);
  // Duplicate (Ctrl+D) of the pasted pair.
  await page.keyboard.press('Control+d');
  await expect(chains.nodes).toHaveCount(7);

  // A sticky note with text.
  await page.getByTestId('palette-note').click();
  await page.getByRole('textbox', { name: 'Sticky note text' }).fill('Ask the team about the discount');
  await chains.tool('layout').click();
  await chains.tool('fit').click();
  await chains.page.getByTestId('chain-name').fill('Reload check');
  await chains.page.getByTestId('chain-name').press('Enter');
  await chains.waitUntilSaved();

  const before = { nodes: await chains.nodeIds(), edges: await chains.edgeList() };
  await page.reload();
  await app.waitUntilReady();
  await chains.waitForEditor();
  await expect(chains.nodes).toHaveCount(8);
  expect(await chains.nodeIds()).toEqual(before.nodes);
  expect(await chains.edgeList()).toEqual(before.edges);
  await expect(page.getByRole('textbox', { name: 'Sticky note text' })).toHaveValue('Ask the team about the discount');
  await expect(page.getByTestId('chain-name')).toHaveValue('Reload check');
  await page.screenshot({ path: test.info().outputPath('after-reload.png') });

  // In the list: the chain with its node count.
  await chains.backToList();
  await expect(chains.row('Reload check')).toContainText('7');
});

test('export a chain file and import it back; a foreign file is refused and nothing changes', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  await chains.addAfter(await chains.startBlankChain(), 'out', 'split');
  await chains.waitUntilSaved();
  await chains.tool('export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-file').click();
  const download = await downloading;
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'chainlab.chain', version: 1, chain: { name: 'New chain' } });

  for (const format of ['png', 'svg'] as const) {
    await chains.tool('export').click();
    const image = page.waitForEvent('download');
    await page.getByTestId(`export-${format}`).click();
    expect((await image).suggestedFilename()).toBe(`New-chain.${format}`);
  }

  await chains.backToList();
  await expect(chains.rows).toHaveCount(1);
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'journey.json', mimeType: 'application/json', buffer: Buffer.from('{"definition": {"entryNode": {"type": "EntryNode"}}}') });
  await expect(page.getByRole('alert').filter({ hasText: /journey\.json.*not imported.*another tool/ })).toBeVisible();
  await expect(chains.rows).toHaveCount(1);

  await page.getByTestId('import-chain-input').setInputFiles({ name: 'mine.chain.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await chains.waitForEditor();
  await expect(chains.nodesOfKind('split')).toHaveCount(1);
  await expect(page.getByTestId('chain-name')).toHaveValue('New chain 2');
  await chains.backToList();
  await expect(chains.rows).toHaveCount(2);
});

test('a named version is restored, and undo brings the present back; rename, duplicate, delete in the list', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  await chains.addAfter(await chains.startBlankChain(), 'out', 'goal');
  await chains.waitUntilSaved();
  await chains.tool('versions').click();
  await page.getByLabel('Version name').fill('Two steps');
  await page.getByRole('button', { name: 'Save a named version' }).click();
  await expect(page.getByTestId('named-versions').getByTestId('version')).toContainText('Two steps');
  await page.getByRole('button', { name: 'Close' }).click();

  await chains.insertOnEdge((await chains.edgeList())[0]!, 'message');
  await expect(chains.nodes).toHaveCount(3);
  await chains.tool('versions').click();
  await page.getByTestId('named-versions').getByRole('button', { name: 'Restore' }).click();
  await expect(chains.nodes).toHaveCount(2);
  await chains.tool('undo').click();
  await expect(chains.nodes).toHaveCount(3);
  await chains.waitUntilSaved();
  // The change history kept the states the restore replaced.
  await chains.tool('versions').click();
  await expect(page.getByTestId('history-versions').getByTestId('version').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await chains.backToList();
  await chains.rowAction('New chain', 'Rename');
  await page.getByLabel('Chain name').fill('Welcome');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(chains.row('Welcome')).toBeVisible();
  await chains.rowAction('Welcome', 'Duplicate');
  await page.getByRole('dialog').getByRole('button', { name: 'Duplicate' }).click();
  await expect(chains.row('Welcome (copy)')).toContainText('3');
  await page.getByRole('searchbox', { name: 'Search chains' }).fill('copy');
  await expect(chains.rows).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search chains' }).fill('');
  await chains.rowAction('Welcome', 'Delete');
  await page.getByTestId('confirm-delete').click();
  await expect(chains.rows).toHaveCount(1);
  await expect(chains.row('Welcome (copy)')).toBeVisible();
});
