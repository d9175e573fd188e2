import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJourneyData } from '../journey/journeyData';
import { prepareJourney } from '../journey/journeyIndex';
import { defaultLifecycleSettings } from '../journey/lifecycle';
import { defaultStageMapping } from '../journey/stageMapping';
import { createRfmEvaluator } from '../rfm/asOf';
import { rfmHistoryFromBlocks } from '../rfm/history';
import { compileSegmentMap, presetSegmentMap } from '../rfm/segmentMaps';
import { startOfLocalDay, type CalendarUnit } from '../time';
import { computeCohorts } from './cohorts';
import { periodWindow, shiftWindow, METRICS_PERIODS } from './comparison';
import { cutTotals, journeyStageGrouping, lifecycleGrouping, rfmSegmentGrouping } from './cuts';
import { testHistory, type TestHistory, type TestRow } from './testing';
import { computeTotals } from './totals';

const START = Date.UTC(2024, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;
const ZONES = ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata'];
const SOURCES = [undefined, 'email', 'google', 'sms_reminder'];

const HOUR_MS = 3_600_000;

/** Half the rows anywhere in two years, half within 36 hours of the start of D: the edge is where look-ahead hides. */
const rowArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 7 }),
  kind: fc.constantFrom('order', 'order', 'order', 'return', 'noAmount', 'page_view'),
  offset: fc.integer({ min: 0, max: SPAN_MS }),
  isNearAsOf: fc.boolean(),
  nearOffset: fc.integer({ min: -36 * HOUR_MS, max: 36 * HOUR_MS }),
  cents: fc.integer({ min: -5000, max: 500_000 }),
  source: fc.constantFrom(...SOURCES),
});

type RawRow = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRow(row: RawRow, asOfDay: number): TestRow {
  const id = `c${row.customer}`;
  const when = new Date(row.isNearAsOf ? asOfDay * 86_400_000 + row.nearOffset : START + row.offset).toISOString();
  const props: Record<string, string> = row.source ? { utm_source: row.source } : {};
  if (row.kind === 'noAmount') return [id, 'order', when, undefined, props];
  return [id, row.kind, when, row.kind === 'page_view' ? undefined : row.cents / 100, props];
}

/** Every figure of the dashboard as of D, cuts included. */
function everything(fixture: TestHistory, asOfDay: number, unit: CalendarUnit, timeZone: string) {
  const { history, blocks, eventTypes, ids } = fixture;
  const map = presetSegmentMap('grid', 5, 'en');
  const evaluator = createRfmEvaluator(rfmHistoryFromBlocks(blocks, eventTypes, ids.length, timeZone), {
    scoring: { levels: 5, method: 'quantile', monetary: 'total' },
    periodDays: 365,
    map: compileSegmentMap(map),
  });
  const journey = prepareJourney(buildJourneyData({ customerCount: ids.length, events: blocks, eventTypes }), defaultStageMapping(), defaultLifecycleSettings(), timeZone);
  const at = startOfLocalDay(asOfDay, timeZone);
  const windows = METRICS_PERIODS.flatMap((period) => {
    const window = periodWindow(asOfDay, period);
    return [window, shiftWindow(window, 'year'), shiftWindow(window, 'quarter')];
  });
  return {
    cohorts: computeCohorts(history, { asOfDay, unit }),
    totals: windows.map((window) => computeTotals(history, window, { churnDays: 365 })),
    rfm: cutTotals(history, windows[0]!, rfmSegmentGrouping(evaluator, asOfDay, map.segments.length), 365),
    lifecycle: cutTotals(history, windows[0]!, lifecycleGrouping(journey, at), 365),
    stages: cutTotals(history, windows[0]!, journeyStageGrouping(journey, at), 365),
  };
}

describe('no look-ahead', () => {
  it('truncating the events from D on never changes a figure as of D', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 * 365 }),
        fc.constantFrom<CalendarUnit>('month', 'week'),
        fc.constantFrom(...ZONES),
        (rawRows, asOfOffset, unit, timeZone) => {
          const asOfDay = Math.floor(START / 86_400_000) + asOfOffset;
          const rows = rawRows.map((row) => toRow(row, asOfDay));
          const ids = Array.from({ length: 8 }, (_, c) => `c${c}`);
          const cut = startOfLocalDay(asOfDay, timeZone);
          const full = testHistory(rows, { ids, timeZone, batches: 2 });
          const truncated = testHistory(rows.filter((row) => Date.parse(row[2]) < cut), { ids, timeZone });
          expect(everything(truncated, asOfDay, unit, timeZone)).toEqual(everything(full, asOfDay, unit, timeZone));
        },
      ),
      { numRuns: 150 },
    );
  });
});
