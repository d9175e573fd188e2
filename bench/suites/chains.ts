import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chainFileText, createChain, createNode, layoutTopDown, outPorts, type Chain, type ChainEdge, type ChainNode, type NodeKind } from '../../src/domain/chains';
import { launchChromium, startBenchServer, type BenchServer } from '../browserHarness';
import { median, round, type BenchSuite, type Measurement } from '../harness';

/**
 * The chain editor with a 300-node chain (issue 12): time from opening the chain in the list to
 * every node on screen drawn, and frames per second while panning the canvas and while dragging
 * a node, in headless Chromium at 1440 × 900. The chain is imported through the app's own
 * "Import a chain file" and opened by a click, as a user would.
 */
const NODE_COUNT = 300;
const BRANCHES = 6;
const MOTION_MS = 2000;

/** trigger → split into branches → each branch repeats timer → message → filter (no → goal). */
export function bigChain(nodeCount = NODE_COUNT): Chain {
  const chain = createChain('bench-300', `Benchmark ${nodeCount} nodes`);
  const nodes: ChainNode[] = [];
  const edges: ChainEdge[] = [];
  const add = (kind: NodeKind): ChainNode => {
    const node = createNode(kind, `n${nodes.length + 1}`, { x: 0, y: 0 });
    nodes.push(node);
    return node;
  };
  const link = (source: ChainNode, port: string, target: ChainNode) => edges.push({ id: `e${edges.length + 1}`, source: source.id, sourcePort: port, target: target.id });
  const trigger = add('trigger');
  const split = add('split');
  if (split.kind === 'split') split.branches = Array.from({ length: BRANCHES }, (_, index) => ({ id: `b${index + 1}`, label: `Branch ${index + 1}`, weight: 100 / BRANCHES, isHoldout: false }));
  link(trigger, 'out', split);
  const tails: [ChainNode, string][] = outPorts(split).map((port) => [split, port.id]);
  const pattern: NodeKind[] = ['timer', 'message', 'filter', 'goal'];
  for (let step = 0; nodes.length < nodeCount; step++) {
    const branch = step % BRANCHES;
    const [tail, port] = tails[branch]!;
    const kind = pattern[Math.floor(step / BRANCHES) % 3]!;
    const node = add(kind);
    link(tail, port, node);
    if (kind === 'filter' && nodes.length < nodeCount) {
      const goal = add('goal');
      link(node, 'no', goal);
      tails[branch] = [node, 'yes'];
    } else tails[branch] = [node, 'out'];
  }
  return layoutTopDown({ ...chain, nodes, edges });
}

async function openEditorOnce(browser: Browser, server: BenchServer, file: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/chains`);
  await page.getByTestId('import-chain').waitFor({ timeout: 180_000 });
  await page.getByTestId('import-chain-input').setInputFiles(file);
  await page.getByTestId('chain-editor').waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'All chains' }).click();
  return page;
}

/** From the click on the chain in the list to every node React Flow shows measured and visible. */
async function timeFirstRender(page: Page): Promise<number> {
  await page.getByTestId('chain-row').first().waitFor();
  const startedAt = performance.now();
  await page.getByTestId('chain-row').first().getByRole('link').click();
  await page.waitForFunction(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
    return nodes.length > 0 && nodes.every((node) => node.style.visibility !== 'hidden') && !!document.querySelector('.react-flow__edge');
  }, undefined, { timeout: 60_000, polling: 'raf' });
  return (performance.now() - startedAt) / 1000;
}

/** Frames drawn per second while `move` runs (requestAnimationFrame timestamps in the page). */
async function framesPerSecond(page: Page, move: () => Promise<void>): Promise<number> {
  // A string, so the bundler's helpers (tsx names functions) do not leak into the page.
  await page.evaluate(`(() => {
    const frames = [];
    window.benchFrames = frames;
    function tick(time) {
      frames.push(time);
      if (window.benchFrames === frames) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await move();
  const frames = await page.evaluate<number[]>('(() => { const all = window.benchFrames; delete window.benchFrames; return all; })()');
  return (frames.length - 1) / ((frames.at(-1)! - frames[0]!) / 1000);
}

/** A pointer drag from `from` that keeps moving for MOTION_MS. */
async function dragFor(page: Page, from: { x: number; y: number }, reach: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const startedAt = performance.now();
  let step = 0;
  while (performance.now() - startedAt < MOTION_MS) {
    step += 1;
    const phase = (step % 120) / 120;
    await page.mouse.move(from.x + Math.sin(phase * Math.PI * 2) * reach, from.y + Math.cos(phase * Math.PI * 2) * reach * 0.6);
  }
  await page.mouse.up();
}

/**
 * Counts the moves of the card the drag presses (node 2). A press that misses the card (~12 px
 * high at the bench's fit zoom; a smaller card would be missed) pans the canvas instead, and the
 * "drag" figure would silently be a pan's.
 */
async function watchDraggedCard(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const card = document.querySelectorAll('.react-flow__node')[1];
    window.benchCardMoves = 0;
    window.benchCardWatch = new MutationObserver(() => { window.benchCardMoves += 1; });
    window.benchCardWatch.observe(card, { attributes: true, attributeFilter: ['style'] });
  })()`);
}

async function checkCardWasDragged(page: Page): Promise<void> {
  const moves = await page.evaluate<number>('(() => { window.benchCardWatch.disconnect(); return window.benchCardMoves; })()');
  if (moves === 0) throw new Error('the drag did not move the card: the press missed it');
}

interface ChainRun {
  firstRender: number;
  panFps: number;
  dragFps: number;
  idleFps: number;
}

async function measureRun(page: Page): Promise<ChainRun> {
  const firstRender = await timeFirstRender(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const idleFps = await framesPerSecond(page, () => page.waitForTimeout(1000));
  // Pan by dragging an empty part of the canvas (its top-left corner has no nodes after fit view).
  const panFps = await framesPerSecond(page, () => dragFor(page, { x: pane.x + 30, y: pane.y + 30 }, 120));
  const node = (await page.locator('.react-flow__node').nth(1).boundingBox())!;
  await watchDraggedCard(page);
  const dragFps = await framesPerSecond(page, () => dragFor(page, { x: node.x + node.width / 2, y: node.y + node.height / 2 }, 80));
  await checkCardWasDragged(page);
  await page.getByRole('link', { name: 'All chains' }).click();
  return { firstRender, panFps, dragFps, idleFps };
}

export const chainsSuite: BenchSuite = {
  name: 'chains',
  description: `chain editor with a ${NODE_COUNT}-node chain: first render, fps while panning and dragging a node (headless Chromium, 1440 × 900)`,
  async run({ runs, tmpDir, log }) {
    const file = `${tmpDir}/bench-${NODE_COUNT}.chain.json`;
    writeFileSync(file, chainFileText(bigChain()));
    const server = await startBenchServer();
    const browser = await launchChromium();
    const results: ChainRun[] = [];
    try {
      const page = await openEditorOnce(browser, server, file);
      for (let i = 0; i < runs; i++) {
        results.push(await measureRun(page));
        log(`run ${i + 1}: ${JSON.stringify(results.at(-1))}`);
      }
    } finally {
      await browser.close();
      server.stop();
    }
    const idle = median(results.map((r) => r.idleFps));
    const fps = (name: string, values: number[]): Measurement => {
      const value = median(values);
      return {
        suite: 'chains',
        name,
        unit: 'fps',
        median: round(value, 1),
        runs: values.map((v) => round(v, 1)),
        baseline: { name: 'frames per second of the same page standing still', median: round(idle, 1), unit: 'fps' },
        ratio: round(value / idle, 2),
        ratioNote: 'share of the idle frame rate (higher is better)',
        target: '≥ 50 fps',
        isTargetMet: value >= 50,
      };
    };
    const render = median(results.map((r) => r.firstRender));
    return [
      {
        suite: 'chains',
        name: `open a ${NODE_COUNT}-node chain from the list → every node drawn`,
        unit: 's',
        median: round(render),
        runs: results.map((r) => round(r.firstRender)),
        target: '< 1 s',
        isTargetMet: render < 1,
      },
      fps(`panning the canvas of a ${NODE_COUNT}-node chain`, results.map((r) => r.panFps)),
      fps(`dragging a node of a ${NODE_COUNT}-node chain`, results.map((r) => r.dragFps)),
    ];
  },
};
