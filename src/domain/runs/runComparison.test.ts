import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDays, compareChains, compareFigures, compareRuns, difference } from './runComparison';
import { dayFigures, nodeFigures, runReport } from './testing';

describe('difference', () => {
  it('is other − base, relative to the base, n/a (null) when the base is 0', () => {
    expect(difference(200, 250)).toEqual({ base: 200, other: 250, absolute: 50, relative: 0.25 });
    expect(difference(0, 7)).toEqual({ base: 0, other: 7, absolute: 7, relative: null });
    expect(difference(0, 0).relative).toBeNull();
  });

  it('reverses sign when the runs swap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        expect(difference(a, b).absolute + difference(b, a).absolute).toBe(0);
        expect(a + difference(a, b).absolute).toBe(b);
      }),
    );
  });
});

describe('figures', () => {
  it('compares headline figures and messages per channel of either run', () => {
    const base = runReport({ totals: { customersReached: 100, messages: 300, cost: 30, sent: { email: 300 } }, capHits: 4 });
    const other = runReport({ totals: { customersReached: 120, messages: 240, cost: 27, sent: { email: 200, sms: 40 } }, capHits: 0 });
    const figures = compareFigures(base, other);
    const byName = Object.fromEntries(figures.map((item) => [item.figure, item]));
    expect(byName.customersReached).toMatchObject({ absolute: 20, relative: 0.2 });
    expect(byName.messages).toMatchObject({ absolute: -60, relative: -0.2 });
    expect(byName.capHits).toMatchObject({ base: 4, other: 0, absolute: -4, relative: -1 });
    expect(byName['sent.email']).toMatchObject({ absolute: -100 });
    expect(byName['sent.sms']).toMatchObject({ base: 0, other: 40, relative: null });
    expect(byName.projectedConversions).toBeUndefined();
  });

  it('shows projected figures only when both runs projected, and labels them', () => {
    const base = runReport({ projection: true, totals: { projected: { conversions: 10, revenue: 500 } } });
    const other = runReport({ projection: true, totals: { projected: { conversions: 15, revenue: 600 } } });
    expect(compareFigures(base, other).filter((item) => item.isProjected).map((item) => [item.figure, item.absolute])).toEqual([
      ['projectedConversions', 5],
      ['projectedRevenue', 100],
    ]);
    expect(compareFigures(base, runReport()).some((item) => item.isProjected)).toBe(false);
  });
});

describe('days', () => {
  it('aligns by date over both periods; a missing day is zeros, not dropped', () => {
    const base = [dayFigures('2025-03-01', { entries: 5, messages: { email: 3 } }), dayFigures('2025-03-03', { entries: 1 })];
    const other = [dayFigures('2025-03-02', { entries: 2, messages: { sms: 1 } }), dayFigures('2025-03-04', { cost: 1.5 })];
    const { days, unplacedDates } = alignDays(base, other);
    expect(unplacedDates).toEqual([]);
    expect(days.map((day) => day.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']);
    expect(days[0]).toMatchObject({ base: { entries: 5, messages: 3 }, other: { entries: 0, messages: 0 }, baseMessages: { email: 3, sms: 0 }, otherMessages: { email: 0, sms: 0 } });
    expect(days[1]).toMatchObject({ base: { entries: 0 }, other: { entries: 2, messages: 1 }, otherMessages: { sms: 1 } });
    expect(days[3]!.other.cost).toBe(1.5);
  });

  it('crosses month and leap-day boundaries', () => {
    const { days } = alignDays([dayFigures('2024-02-28')], [dayFigures('2024-03-01')]);
    expect(days.map((day) => day.date)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('lists dates it cannot place instead of dropping them silently', () => {
    expect(alignDays([dayFigures('2025-02-30')], [])).toEqual({ days: [], unplacedDates: ['2025-02-30'] });
  });

  it('keeps every day of either run, and the sums of each side (property)', () => {
    const day = fc.record({ offset: fc.integer({ min: 0, max: 60 }), entries: fc.integer({ min: 0, max: 50 }) });
    fc.assert(
      fc.property(fc.uniqueArray(day, { selector: (item) => item.offset }), fc.uniqueArray(day, { selector: (item) => item.offset }), (a, b) => {
        const toDays = (list: typeof a) => list.map((item) => dayFigures(new Date(Date.UTC(2025, 0, 1 + item.offset)).toISOString().slice(0, 10), { entries: item.entries }));
        const { days } = alignDays(toDays(a), toDays(b));
        const sum = (list: typeof a) => list.reduce((total, item) => total + item.entries, 0);
        expect(days.reduce((total, item) => total + item.base.entries, 0)).toBe(sum(a));
        expect(days.reduce((total, item) => total + item.other.entries, 0)).toBe(sum(b));
        const offsets = [...a, ...b].map((item) => item.offset);
        expect(days.length).toBe(offsets.length ? Math.max(...offsets) - Math.min(...offsets) + 1 : 0);
      }),
    );
  });
});

describe('nodes and edges', () => {
  const base = runReport({
    chains: [
      { id: 'cart', name: 'Cart', nodes: { t: nodeFigures({ entered: 100, left: { out: 100 } }), m1: nodeFigures({ entered: 100, sent: { email: 80 }, suppressed: { no_consent: 20 }, left: { out: 100 } }) }, edges: { e1: 100, e2: 100 } },
      { id: 'old', name: 'Old', nodes: {}, edges: {} },
    ],
  });
  const other = runReport({
    chains: [
      { id: 'cart', name: 'Cart v2', nodes: { t: nodeFigures({ entered: 110, left: { out: 110 } }), m2: nodeFigures({ entered: 110, sent: { sms: 100 }, suppressed: { no_contact: 10 } }) }, edges: { e1: 110, e3: 110 } },
      { id: 'new', name: 'New', nodes: {}, edges: {} },
    ],
  });

  it('covers nodes of either run and marks added and removed ones', () => {
    const [cart] = compareChains(base, other);
    expect(cart!.name).toBe('Cart v2');
    const nodes = Object.fromEntries(cart!.nodes.map((node) => [node.nodeId, node]));
    expect(nodes.t).toMatchObject({ presence: 'both', figures: { entered: { absolute: 10, relative: 0.1 } }, left: { out: { absolute: 10 } } });
    expect(nodes.m1).toMatchObject({ presence: 'removed', figures: { sent: { base: 80, other: 0 }, suppressed: { base: 20, other: 0 } } });
    expect(nodes.m2).toMatchObject({ presence: 'added', figures: { sent: { base: 0, other: 100, relative: null } } });
    expect(cart!.edges.map((edge) => [edge.edgeId, edge.presence, edge.customers.absolute])).toEqual([
      ['e1', 'both', 10],
      ['e2', 'removed', -100],
      ['e3', 'added', 110],
    ]);
  });

  it('marks chains only one run has', () => {
    expect(compareChains(base, other).map((chain) => [chain.chainId, chain.presence])).toEqual([
      ['cart', 'both'],
      ['old', 'removed'],
      ['new', 'added'],
    ]);
  });

  it('compareRuns puts the three together', () => {
    const comparison = compareRuns(base, other);
    expect(comparison.chains).toHaveLength(3);
    expect(comparison.days.days).toEqual([]);
    expect(comparison.figures.length).toBeGreaterThan(0);
  });
});
