import { describe, expect, it } from 'vitest';
import { plausibleWindow } from '../time';
import { defaultCrmChannelMapping } from './crmChannels';
import { defaultMetricsAsOfDay, metricsHistoryFromBlocks } from './history';
import { day, testHistory } from './testing';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('metrics history: the default as-of date', () => {
  // A real export's "never" placeholder (9999-12-31) or a typo (1900) is kept by the import;
  // taken as the last order it put the as-of date in the year 10000 and the cohort table at
  // ~96,000 months per row, which froze and crashed the Metrics screen.
  const rows = [
    ['a', 'order', '2025-03-04T10:00:00Z', 100],
    ['a', 'order', '9999-12-31T00:00:00Z', 5],
    ['b', 'order', '1900-01-01T00:00:00Z', 10],
    ['b', 'order', '2025-05-10T10:00:00Z', 50],
    ['b', 'return', '9999-01-01T00:00:00Z', 7],
  ] as const;

  it('is the day after the last order inside the plausible dates; orders outside them are counted', () => {
    const { blocks, eventTypes, ids } = testHistory(rows);
    const history = metricsHistoryFromBlocks(blocks, eventTypes, ids.length, 'UTC', defaultCrmChannelMapping(), plausibleWindow(NOW));
    expect(defaultMetricsAsOfDay(history)).toBe(day('2025-05-11'));
    expect(history.ordersOutsidePlausible).toBe(2);
    // The orders themselves are kept (the import's promise: kept, left out of default dates).
    expect(history.lastOrderDay).toBe(day('9999-12-31'));
    expect(history.firstOrderDay).toBe(day('1900-01-01'));
  });

  it('without plausible dates is the day after the last order, as before', () => {
    const { history } = testHistory(rows);
    expect(defaultMetricsAsOfDay(history)).toBe(day('9999-12-31') + 1);
    expect(history.ordersOutsidePlausible).toBe(0);
  });

  it('falls back to the last order when no order is plausible', () => {
    const { blocks, eventTypes, ids } = testHistory([['a', 'order', '9999-12-31T00:00:00Z', 5]]);
    const history = metricsHistoryFromBlocks(blocks, eventTypes, ids.length, 'UTC', defaultCrmChannelMapping(), plausibleWindow(NOW));
    expect(defaultMetricsAsOfDay(history)).toBe(day('9999-12-31') + 1);
    expect(history.ordersOutsidePlausible).toBe(1);
  });
});
