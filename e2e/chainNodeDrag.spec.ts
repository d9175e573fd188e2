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

/**
 * The canvas is not a scroll container: bringing a card outside its view into view (a browser
 * focusing it, Playwright's click on a "+") scrolled React Flow's wrapper, and React Flow scrolls it
 * back on the next scroll event — the cards jumped under the pointer between a press and its release.
 */
test('bringing a card outside the view into view does not scroll the canvas', async ({ app, page }) => {
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'small.chain.json', mimeType: 'application/json', buffer: Buffer.from(chainFileText(bigChain(12))) });
  await chains.waitForEditor();
  for (let step = 0; step < 4; step++) await page.locator('.react-flow__controls-zoomin').click();
  // Some card now stands (partly) past the canvas's right or bottom edge: bring it into view, and read the canvas's
  // scroll at once (React Flow's own reset would hide it by the next task).
  const bringOutsideCardIntoView = () =>
    page.getByTestId('rf__wrapper').evaluate((wrapper) => {
      const view = wrapper.getBoundingClientRect();
      const outside = [...wrapper.querySelectorAll<HTMLElement>('.react-flow__node')].find((card) => {
        const box = card.getBoundingClientRect();
        // past the right or bottom edge: the canvas cannot scroll to the left or up from 0
        return box.right > view.right || box.bottom > view.bottom;
      });
      outside?.scrollIntoView();
      return { outside: !!outside, top: wrapper.scrollTop, left: wrapper.scrollLeft };
    });
  await expect.poll(async () => (await bringOutsideCardIntoView()).outside).toBe(true);
  const scroll = await bringOutsideCardIntoView();
  expect(scroll).toEqual({ outside: true, top: 0, left: 0 });
});
