import { describe, expect, it } from 'vitest';
import { buildTemplate, CHAIN_FORMAT_VERSION, CHAIN_TEMPLATES, restoreChain, type Chain } from '../../../domain/chains';
import { chainFingerprint, EDGE_WIDTH, type ChainFigures } from '../../../domain/runs';
import { nodeFigures } from '../../../domain/runs/testing';
import { runCanvasOverlay, type OverlayTexts } from './runCanvasOverlay';

/** Texts as "key{params}", so the test reads what was asked for. */
const TEXTS: OverlayTexts = {
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
  format: { count: (value) => `#${value}`, percent: (share) => `${Math.round(share * 100)}%` },
  language: 'en',
};

function figuresOf(chain: Chain, nodes: ChainFigures['nodes'], edges: ChainFigures['edges']): ChainFigures {
  return { id: chain.id, name: chain.name, nodes, edges };
}

describe('a run’s counts on the canvas', () => {
  const chain = buildTemplate('abandoned-cart', 'en');
  const trigger = chain.nodes.find((node) => node.kind === 'trigger')!;
  const message = chain.nodes.find((node) => node.kind === 'message')!;
  const firstEdge = chain.edges.find((edge) => edge.source === trigger.id)!;

  it('show every node’s entered figure, and a node the run never had shows nothing', () => {
    const overlay = runCanvasOverlay(chain, figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 120, left: { out: 120 } }) }, { [firstEdge.id]: 120 }), TEXTS);
    expect(overlay.nodes[trigger.id]!.primary).toBe('runCanvas.canvas.entered{"count":120,"formatted":"#120"}');
    expect(Object.keys(overlay.nodes)).toEqual([trigger.id]);
  });

  it('write what a message did: sent, not sent by reason (largest first), held back', () => {
    const figures = nodeFigures({ entered: 100, sent: { email: 60 }, suppressed: { no_consent: 10, frequency_cap: 25 }, withheld: { control: 5 } });
    const lines = runCanvasOverlay(chain, figuresOf(chain, { [message.id]: figures }, {}), TEXTS).nodes[message.id]!.lines!;
    expect(lines).toEqual([
      'runCanvas.canvas.sent{"count":"#60"} · runCanvas.canvas.suppressed{"count":"#35"} · runCanvas.canvas.withheld{"count":"#5"}',
      'runCanvas.canvas.reasons.frequency_cap #25 · runCanvas.canvas.reasons.no_consent #10',
    ]);
  });

  it('turn a node amber with the reason in words when nobody arrives or most messages are stopped', () => {
    const overlay = runCanvasOverlay(chain, figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 0 }), [message.id]: nodeFigures({ entered: 10, sent: { email: 2 }, suppressed: { no_contact: 8 } }) }, {}), TEXTS);
    expect(overlay.nodes[trigger.id]).toMatchObject({ tone: 'warning', warning: 'runs.badge.none_arrive{}' });
    expect(overlay.nodes[message.id]!.tone).toBe('warning');
    expect(overlay.nodes[message.id]!.warning).toBe('runs.badge.mostly_suppressed{"suppressed":"#8","tried":"#10","share":"80%"}');
    const calm = runCanvasOverlay(chain, figuresOf(chain, { [message.id]: nodeFigures({ entered: 10, sent: { email: 9 }, suppressed: { no_contact: 1 } }) }, {}), TEXTS);
    expect(calm.nodes[message.id]).toMatchObject({ tone: 'neutral' });
    expect(calm.nodes[message.id]!.warning).toBeUndefined();
  });

  it('label every edge of a node the run had with its count (0 included) and draw the busiest thickest', () => {
    const out = chain.edges.filter((edge) => edge.source === trigger.id || edge.source === message.id);
    const counts = Object.fromEntries(out.map((edge, index) => [edge.id, index === 0 ? 400 : 0]));
    delete counts[out[out.length - 1]!.id];
    const overlay = runCanvasOverlay(chain, figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 400 }), [message.id]: nodeFigures({ entered: 10 }) }, counts), TEXTS);
    expect(overlay.edges[out[0]!.id]).toMatchObject({ label: '#400', width: EDGE_WIDTH.max });
    expect(overlay.edges[out[out.length - 1]!.id]).toMatchObject({ label: '#0', width: EDGE_WIDTH.min });
    const others = chain.edges.filter((edge) => edge.source !== trigger.id && edge.source !== message.id);
    for (const edge of others) expect(overlay.edges[edge.id]).toBeUndefined();
  });
});

describe('a run’s chain read back from storage', () => {
  it('has the fingerprint of the chain it was made from, so fresh results are not called stale', () => {
    expect(CHAIN_TEMPLATES.length).toBeGreaterThan(5);
    for (const { id } of CHAIN_TEMPLATES) {
      const chain = buildTemplate(id, 'ru');
      const restored = restoreChain(JSON.parse(JSON.stringify(chain)), CHAIN_FORMAT_VERSION);
      expect(restored.ok).toBe(true);
      if (restored.ok) expect(chainFingerprint(restored.chain), id).toBe(chainFingerprint(chain));
    }
  });
});
