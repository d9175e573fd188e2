import { describe, expect, it } from 'vitest';
import { buildTemplate, type Chain } from '../../../domain/chains';
import { compareChains, type ChainFigures } from '../../../domain/runs';
import { nodeFigures, runReport } from '../../../domain/runs/testing';
import { withDeltas } from './deltaOverlay';
import { runCanvasOverlay, type OverlayTexts } from './runCanvasOverlay';

const TEXTS: OverlayTexts = {
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
  format: { count: (value) => `#${value}`, percent: (share) => `${Math.round(share * 100)}%` },
  language: 'en',
};

function figuresOf(chain: Chain, nodes: ChainFigures['nodes'], edges: ChainFigures['edges']): ChainFigures {
  return { id: chain.id, name: chain.name, nodes, edges };
}

describe('a compare’s per-node deltas on the canvas', () => {
  const chain = buildTemplate('abandoned-cart', 'en');
  const trigger = chain.nodes.find((node) => node.kind === 'trigger')!;
  const message = chain.nodes.find((node) => node.kind === 'message')!;
  const edge = chain.edges.find((item) => item.source === trigger.id)!;
  const base = figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 100 }), [message.id]: nodeFigures({ entered: 50, sent: { email: 40 } }) }, { [edge.id]: 100 });
  const other = figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 112 }), [message.id]: nodeFigures({ entered: 50, sent: { email: 37 } }) }, { [edge.id]: 112 });
  const delta = compareChains(runReport({ chains: [base] }), runReport({ chains: [other] }))[0]!;
  const overlay = withDeltas(runCanvasOverlay(chain, other, TEXTS), delta, 'Run A', TEXTS);

  it('put a chip with the signed changes beside a node, and say them in words for screen readers', () => {
    expect(overlay.nodes[trigger.id]!.delta).toEqual({
      text: '+#12 runCanvas.delta.figure.entered',
      label: 'runCanvas.delta.against{"name":"Run A","changes":"runCanvas.delta.more{\\"formatted\\":\\"#12\\",\\"figure\\":\\"runCanvas.delta.figure.entered\\"}"}',
      direction: 'up',
    });
    // A fall is written with a real minus sign, and only the figures that changed are listed.
    expect(overlay.nodes[message.id]!.delta).toMatchObject({ text: '\u2212#3 runCanvas.delta.figure.sent', direction: 'down' });
    expect(overlay.nodes[message.id]!.delta!.label).toContain('runCanvas.delta.fewer');
    // The figures open the node's customers; their accessible name carries the change too.
    expect(overlay.nodes[message.id]!.openLabel).toContain('runCanvas.delta.against');
  });

  it('say "no change" where nothing changed and add the change to an edge’s label', () => {
    const same = withDeltas(runCanvasOverlay(chain, base, TEXTS), compareChains(runReport({ chains: [base] }), runReport({ chains: [base] }))[0]!, 'Run A', TEXTS);
    expect(same.nodes[trigger.id]!.delta).toMatchObject({ text: 'runCanvas.delta.same', direction: 'same' });
    expect(same.edges[edge.id]!.label).toBe('#100');
    expect(overlay.edges[edge.id]!.label).toBe('#112 (+#12)');
    expect(overlay.edges[edge.id]!.title).toContain('Run A');
  });

  it('mark a node only the compared run had as new', () => {
    const withoutMessage = figuresOf(chain, { [trigger.id]: nodeFigures({ entered: 100 }) }, {});
    const added = withDeltas(runCanvasOverlay(chain, other, TEXTS), compareChains(runReport({ chains: [withoutMessage] }), runReport({ chains: [other] }))[0]!, 'Run A', TEXTS);
    expect(added.nodes[message.id]!.delta).toMatchObject({ text: 'runCanvas.delta.new', direction: 'same' });
  });
});
