import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CrmEvent } from '../model';
import { isoDateToDayNumber } from '../time';
import ordersCsv from './testdata/rfm_data_orders.csv?raw';
import expectedCsv from './testdata/rfm_data_orders.expected.csv?raw';
import { computeRfm } from './computeRfm';
import { rfmHistoryFromEvents } from './history';
import { compileSegmentMap, presetSegmentMap } from './segmentMaps';
import { assignSegments, othersCode } from './summary';
import { compareCustomerIds, formatRfmNumber, rfmCsvHeader, rfmCsvRow } from './rfmCsv';

/** The R package's sample data: every row of its own output must come out the same. */
function fixtureResult() {
  const orders = Papa.parse<Record<string, string>>(ordersCsv, { header: true, skipEmptyLines: true }).data;
  const events: CrmEvent[] = orders.map((row) => ({
    customerId: row.customer_id!,
    type: 'order',
    ts: isoDateToDayNumber(row.order_date!) * 86_400_000,
    amount: Number(row.revenue),
    props: {},
  }));
  const { history, customerIds } = rfmHistoryFromEvents(events, 'UTC');
  const result = computeRfm(history, { asOfDay: isoDateToDayNumber('2006-12-31'), periodDays: null, levels: 5, method: 'quantile', monetary: 'total' });
  const map = presetSegmentMap('rfm-package', 5, 'en');
  const codes = assignSegments(result, compileSegmentMap(map));
  const segmentName = (c: number) => (codes[c]! === othersCode(map.segments.length) ? 'Others' : map.segments[codes[c]!]!.name);
  return { result, customerIds, segmentName };
}

const expected = Papa.parse<Record<string, string>>(expectedCsv, { header: true, skipEmptyLines: true }).data;

describe('R package rfm v0.3 sample orders, analysis date 2006-12-31', () => {
  const { result, customerIds, segmentName } = fixtureResult();
  const indexOf = new Map(customerIds.map((id, index) => [id, index]));

  it('has the same customers', () => {
    expect(expected.length).toBe(995);
    expect([...customerIds].sort()).toEqual(expected.map((row) => row.customer_id).sort());
  });

  it('uses the package breaks', () => {
    expect(result.breaks.recency.cuts).toEqual([115, 181, 297.4000000000001, 482]);
    expect(result.breaks.frequency.cuts).toEqual([4, 5, 6, 8]);
    expect(result.breaks.monetary.cuts).toEqual([255.8, 382, 506.4000000000001, 666]);
  });

  it.each(expected.map((row) => [row.customer_id!, row] as const))('reproduces %s', (id, row) => {
    const c = indexOf.get(id)!;
    expect({
      segment: segmentName(c),
      rfm_score: result.r[c]! * 100 + result.f[c]! * 10 + result.m[c]!,
      transaction_count: result.frequency[c],
      recency_days: result.recency[c],
      amount: result.revenue[c],
      recency_score: result.r[c],
      frequency_score: result.f[c],
      monetary_score: result.m[c],
    }).toEqual({
      segment: row.segment,
      rfm_score: Number(row.rfm_score),
      transaction_count: Number(row.transaction_count),
      recency_days: Number(row.recency_days),
      amount: Number(row.amount),
      recency_score: Number(row.recency_score),
      frequency_score: Number(row.frequency_score),
      monetary_score: Number(row.monetary_score),
    });
  });

  it('writes the same CSV as the package, row for row, in the same order', () => {
    const order = Array.from({ length: result.customerCount }, (_, c) => c).sort((a, b) => compareCustomerIds(customerIds[a]!, customerIds[b]!));
    const lines = [rfmCsvHeader(), ...order.map((c) => rfmCsvRow(result, c, { customerId: (i) => customerIds[i]!, segmentName }))];
    const written = Papa.parse<string[]>(lines.join('\n')).data;
    const original = Papa.parse<string[]>(expectedCsv.trim()).data;
    expect(written).toEqual(original);
  });
});

describe('formatRfmNumber', () => {
  it('writes at most 15 significant digits like R', () => {
    expect(formatRfmNumber(297.4000000000001)).toBe('297.4');
    expect(formatRfmNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatRfmNumber(472)).toBe('472');
    expect(formatRfmNumber(-12.5)).toBe('-12.5');
  });

  it('gives what rounding to 15 significant digits gives, for short and long numbers alike', () => {
    const rounded = (value: number) => String(Number(value.toPrecision(15)));
    for (const value of [859.7, 1e-7, -0.30000000000000004, 123456.78901234, 0.1234567890123456, 1.5e21 + 0.5, 2.5e-300]) expect(formatRfmNumber(value)).toBe(rounded(value));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(formatRfmNumber(value)).toBe(Number.isInteger(value) ? String(value) : rounded(value));
      }),
      { seed: 10, numRuns: 2_000 },
    );
  });
});
