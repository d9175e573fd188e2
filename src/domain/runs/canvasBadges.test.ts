import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyOptionChain } from '../chains/testing';
import { EDGE_WIDTH, edgeWidth, edgeWidths, nodeBadge, nodeBadges } from './canvasBadges';
import { nodeFigures } from './testing';

const chain = everyOptionChain();
const node = (id: string) => chain.nodes.find((item) => item.id === id)!;

describe('node badges', () => {
  it('amber when nobody arrives (or the run has no figures for the node)', () => {
    expect(nodeBadge(node('d_day'), nodeFigures({ entered: 0 }))).toMatchObject({ isAmber: true, warnings: [{ code: 'none_arrive', key: 'runs.badge.none_arrive' }] });
    expect(nodeBadge(node('d_day'), undefined)).toMatchObject({ isAmber: true, warnings: [{ code: 'none_arrive' }] });
    expect(nodeBadge(node('d_day'), nodeFigures({ entered: 3, left: { out: 3 } }))).toEqual({ nodeId: 'd_day', isAmber: false, warnings: [] });
  });

  it('amber when guards stop most of a message’s sends; withheld control customers do not count', () => {
    const mostly = nodeBadge(node('m_email'), nodeFigures({ entered: 100, sent: { email: 40 }, suppressed: { no_consent: 50, frequency_cap: 10 }, left: { out: 100 } }));
    expect(mostly).toMatchObject({ isAmber: true, warnings: [{ code: 'mostly_suppressed', params: { suppressed: 60, tried: 100, share: 0.6 } }] });
    const half = nodeBadge(node('m_email'), nodeFigures({ entered: 100, sent: { email: 50 }, suppressed: { no_consent: 50 } }));
    expect(half.isAmber).toBe(false);
    const withheld = nodeBadge(node('m_email'), nodeFigures({ entered: 100, sent: { email: 10 }, suppressed: { no_consent: 5 }, withheld: { control: 85 } }));
    expect(withheld.isAmber).toBe(false);
  });

  it('a trigger’s refused re-entries are not "suppressed" trouble', () => {
    expect(nodeBadge(node('t_event'), nodeFigures({ entered: 10, suppressed: { re_entry: 90 }, left: { out: 10 } })).isAmber).toBe(false);
  });

  it('amber when a wait-for’s "happened" port never fires', () => {
    expect(nodeBadge(node('w_checkout'), nodeFigures({ entered: 50, left: { timeout: 45 }, waiting: 5 }))).toMatchObject({ isAmber: true, warnings: [{ code: 'wait_for_never_happens', params: { entered: 50, timedOut: 45, waiting: 5 } }] });
    expect(nodeBadge(node('w_checkout'), nodeFigures({ entered: 50, left: { timeout: 45, happened: 5 } })).isAmber).toBe(false);
  });

  it('one badge per node of the chain', () => {
    expect(nodeBadges(chain.nodes, {}).map((badge) => badge.nodeId)).toEqual(chain.nodes.map((item) => item.id));
  });
});

describe('edge width', () => {
  it('runs from the minimum (nobody) to the maximum (the busiest edge)', () => {
    expect(edgeWidth(0, 100)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(5, 0)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(100, 100)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(25, 100)).toBeCloseTo(EDGE_WIDTH.min + (EDGE_WIDTH.max - EDGE_WIDTH.min) * 0.5, 12);
    expect(edgeWidths({ a: 10, b: 40, c: 0 })).toEqual({ a: edgeWidth(10, 40), b: EDGE_WIDTH.max, c: EDGE_WIDTH.min });
  });

  it('is monotone, bounded and depends only on count ÷ max (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 100 }), (a, b, max, scale) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const top = Math.max(max, high);
        expect(edgeWidth(low, top)).toBeLessThanOrEqual(edgeWidth(high, top));
        expect(edgeWidth(low, top)).toBeGreaterThanOrEqual(EDGE_WIDTH.min);
        expect(edgeWidth(high, top)).toBeLessThanOrEqual(EDGE_WIDTH.max);
        expect(edgeWidth(low * scale, top * scale)).toBeCloseTo(edgeWidth(low, top), 9);
      }),
    );
  });
});
