import { bigChain } from '../bench/suites/chains';
import { chainFileText } from '../src/domain/chains';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';

/**
 * Dragging a card (issue 12's frame rate): the card follows the pointer, and the chain takes its
 * new place when the card is let go. One drag is one undo step, saved once, still there after a reload.
 */
test('a dragged card follows the pointer, is saved when let go, and one undo puts it back', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'small.chain.json', mimeType: 'application/json', buffer: Buffer.from(chainFileText(bigChain(12))) });
  await chains.waitForEditor();
  await chains.waitUntilSaved();
  const card = chains.nodes.nth(1);
  const id = (await card.getAttribute('data-id'))!;
  // Where the card stands on the canvas (React Flow's translate, in canvas units).
  const place = async () => {
    const [, x, y] = (await chains.node(id).getAttribute('style'))!.match(/translate\(([-\d.]+)px, ?([-\d.]+)px\)/)!;
    return { x: Number(x), y: Number(y) };
  };
  const start = await place();
  const box = (await card.boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + 8 };

  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 10, { steps: 5 });
  await page.mouse.move(from.x + 120, from.y + 30, { steps: 10 });
  // Mid-drag the card has moved with the pointer, and nothing is being saved yet.
  await expect.poll(async () => (await place()).x).toBeGreaterThan(start.x + 60);
  await expect(chains.saveStatus).toHaveAttribute('data-state', 'saved');
  await expect(chains.tool('undo')).toBeDisabled();
  await page.mouse.up();

  const moved = await place();
  expect(moved.x).toBeGreaterThan(start.x + 60);
  expect(moved.y).toBeGreaterThan(start.y);
  await chains.waitUntilSaved();
  await expect(chains.tool('undo')).toBeEnabled();

  // One undo step for the whole drag.
  await chains.tool('undo').click();
  await expect.poll(place).toEqual(start);
  await expect(chains.tool('undo')).toBeDisabled();
  await chains.tool('redo').click();
  await expect.poll(place).toEqual(moved);
  await chains.waitUntilSaved();

  await page.reload();
  await app.waitUntilReady();
  await chains.waitForEditor();
  await expect.poll(place).toEqual(moved);
});
