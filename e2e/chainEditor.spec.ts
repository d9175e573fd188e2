import { expect, test } from './fixtures';
import { ChainsPage, type NodeKind } from './pages/chainsPage';

test('builds a chain on the canvas: palette, links, a refused link, "+" on a link and an exit', async ({ app, page }) => {
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await expect(page.getByText(/No chains yet/)).toBeVisible();
  await chains.createBlank();
  await expect(chains.nodes).toHaveCount(1);
  await expect(chains.nodesOfKind('trigger')).toHaveCount(1);

  const kinds: NodeKind[] = ['message', 'timer', 'filter', 'split', 'goal', 'trigger'];
  for (const [index, kind] of kinds.entries()) {
    await chains.dragFromPalette(kind, { x: 0.15 + 0.14 * index, y: 0.75 });
    await expect(chains.nodesOfKind(kind)).toHaveCount(kind === 'trigger' ? 2 : 1);
  }
  await page.screenshot({ path: test.info().outputPath('palette-drops.png') });
});
