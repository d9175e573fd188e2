import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBlock } from '../columnar';
import { computeRfm, computeRfmFromBlocks } from './computeRfm';
import { rfmHistoryFromBlocks } from './history';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

/** Rows cut into blocks in their random order: several imports whose customer ranges overlap. */
function blocksOf(rows: [number, number, number, number][], cuts: number[]): EventBlock[] {
  const edges = [...new Set([0, ...cuts.map((cut) => cut % (rows.length + 1)), rows.length])].sort((a, b) => a - b);
  const blocks: EventBlock[] = [];
  for (let i = 1; i < edges.length; i++) {
    const part = rows.slice(edges[i - 1], edges[i]);
    blocks.push({
      count: part.length,
      customer: Int32Array.from(part, (row) => row[0]),
      type: Uint16Array.from(part, (row) => row[1]),
      ts: Float64Array.from(part, (row) => row[2]),
      amount: Float64Array.from(part, (row) => row[3]),
      props: {},
    });
  }
  return blocks;
}

describe('one-pass batch RFM', () => {
  it('equals the per-customer history path, whatever the row order and block cuts', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 19 }),
      fc.constantFrom(0, 0, 0, 1, 2), // order, return, page_view
      // whole days plus offsets that land on midnights of the zones (UTC, UTC+3, UTC−8/−7)
      fc.tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom(0, 1, -1, -3 * 3_600_000, 7 * 3_600_000, 8 * 3_600_000, 12 * 3_600_000)).map(([day, offset]) => START + day * DAY + offset),
      fc.oneof(fc.integer({ min: -50_00, max: 900_00 }).map((cents) => cents / 100), fc.constant(Number.NaN)),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 150 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom('UTC', 'Europe/Moscow', 'America/Los_Angeles'),
        fc.constantFrom<number | null>(null, 45, 365),
        fc.integer({ min: -5, max: 210 }),
        fc.constantFrom('total' as const, 'average' as const),
        (rows, cuts, zone, periodDays, offset, monetary) => {
          const blocks = blocksOf(rows, cuts);
          const types = ['order', 'return', 'page_view'];
          const params = { asOfDay: START / DAY + offset, periodDays, levels: 5 as const, method: 'quantile' as const, monetary };
          const viaHistory = computeRfm(rfmHistoryFromBlocks(blocks, types, 20, zone), params);
          const viaScan = computeRfmFromBlocks(blocks, types, 20, zone, params);
          expect(viaScan).toEqual(viaHistory);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rounds net revenue once, so orders minus returns equals the one-pass sum to the last bit', () => {
    // 290.47 + 751.12 − 17.26: two rounded sums subtracted give 1024.3300000000002
    const rows: [number, number, number, number][] = [[0, 1, START, 17.26], [0, 0, START, 290.47], [0, 0, START, 751.12]];
    const params = { asOfDay: START / DAY + 1, periodDays: null, levels: 5 as const, method: 'quantile' as const, monetary: 'total' as const };
    const types = ['order', 'return', 'page_view'];
    const viaHistory = computeRfm(rfmHistoryFromBlocks(blocksOf(rows, []), types, 1, 'UTC'), params);
    const viaScan = computeRfmFromBlocks(blocksOf(rows, []), types, 1, 'UTC', params);
    expect(viaScan.revenue[0]).toBe(1024.33);
    expect(viaHistory.revenue[0]).toBe(1024.33);
  });
});
