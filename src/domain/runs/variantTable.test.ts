import { describe, expect, it } from 'vitest';
import { runReport } from './testing';
import { variantTable } from './variantTable';

describe('variant table', () => {
  it('marks the best value per column: highest reach and conversions, lowest messages, cost and cap hits', () => {
    const rows = variantTable([
      runReport({ totals: { customersReached: 100, messages: 300, cost: 30, conversions: 12 }, capHits: 5 }),
      runReport({ totals: { customersReached: 120, messages: 250, cost: 25, conversions: 12 }, capHits: 0 }),
      runReport({ totals: { customersReached: 90, messages: 260, cost: 26, conversions: 10 }, capHits: 2 }),
    ]);
    expect(rows.map((row) => row.values.reach)).toEqual([100, 120, 90]);
    expect(rows.map((row) => row.isBest)).toEqual([
      { reach: false, messages: false, cost: false, capHits: false, conversions: true, projectedConversions: false },
      { reach: true, messages: true, cost: true, capHits: true, conversions: true, projectedConversions: false },
      { reach: false, messages: false, cost: false, capHits: false, conversions: false, projectedConversions: false },
    ]);
    expect(rows.every((row) => row.values.projectedConversions === null)).toBe(true);
  });

  it('marks nothing in a column where every variant is the same', () => {
    const rows = variantTable([runReport({ totals: { cost: 10 } }), runReport({ totals: { cost: 10 } })]);
    expect(rows.some((row) => row.isBest.cost)).toBe(false);
  });

  it('projected conversions: compared when projected, highest wins', () => {
    const rows = variantTable([runReport({ projection: true, totals: { projected: { conversions: 4, revenue: 0 } } }), runReport({ projection: true, totals: { projected: { conversions: 9, revenue: 0 } } })]);
    expect(rows.map((row) => [row.values.projectedConversions, row.isBest.projectedConversions])).toEqual([
      [4, false],
      [9, true],
    ]);
  });

  it('keeps the order and index of the variants', () => {
    expect(variantTable([runReport(), runReport(), runReport()]).map((row) => row.index)).toEqual([0, 1, 2]);
  });
});
