import { describe, expect, it } from 'vitest';
import { buildJourneyData } from '../journey/journeyData';
import { prepareJourney } from '../journey/journeyIndex';
import { defaultLifecycleSettings, LIFECYCLE_STATUSES } from '../journey/lifecycle';
import { defaultStageMapping } from '../journey/stageMapping';
import { createRfmEvaluator } from '../rfm/asOf';
import { rfmHistoryFromBlocks } from '../rfm/history';
import { compileSegmentMap, presetSegmentMap } from '../rfm/segmentMaps';
import { noPurchasesCode } from '../rfm/summary';
import { startOfLocalDay } from '../time';
import { computeCohorts } from './cohorts';
import { cutTotals, groupMembers, journeyStageGrouping, lifecycleGrouping, membershipGrouping, rfmSegmentGrouping } from './cuts';
import { day, testHistory, type TestRow } from './testing';

const rows: TestRow[] = [
  ['a', 'order', '2025-01-10T10:00:00Z', 100],
  ['a', 'order', '2025-12-20T10:00:00Z', 300],
  ['b', 'order', '2025-03-01T10:00:00Z', 20],
  ['c', 'order', '2025-12-30T10:00:00Z', 80],
  ['c', 'order', '2026-01-01T10:00:00Z', 5000],
  ['p', 'page_view', '2025-12-01T10:00:00Z'],
];
const asOf = day('2026-01-01');
const window = { fromDay: null, toDay: asOf };

describe('cuts', () => {
  it('an audience is a membership: totals and shares of the members and of the rest', () => {
    const { history, c } = testHistory(rows);
    const cut = cutTotals(history, window, membershipGrouping(history.customerCount, [c('a')]), 365);
    expect(cut.all).toMatchObject({ customers: 4, buyers: 3, netRevenue: 500 });
    expect(cut.groups[0]).toMatchObject({ totals: { customers: 1, buyers: 1, netRevenue: 400 }, shareOfBuyers: 1 / 3, shareOfRevenue: 0.8, shareOfCustomers: 0.25 });
    expect(cut.groups[1]).toMatchObject({ totals: { customers: 3, buyers: 2, netRevenue: 100 }, shareOfRevenue: 0.2 });
  });

  it('RFM segments as of D come from the orders before D (the segment at the end of D − 1)', () => {
    const { history, blocks, eventTypes, ids, c } = testHistory(rows);
    const map = presetSegmentMap('grid', 5, 'en');
    const evaluator = createRfmEvaluator(rfmHistoryFromBlocks(blocks, eventTypes, ids.length, 'UTC'), {
      scoring: { levels: 5, method: 'quantile', monetary: 'total' },
      periodDays: null,
      map: compileSegmentMap(map),
    });
    const grouping = rfmSegmentGrouping(evaluator, asOf, map.segments.length);
    expect(grouping.groupCount).toBe(map.segments.length + 2);
    expect(grouping.groupOf[c('p')]).toBe(noPurchasesCode(map.segments.length));
    const score = evaluator.scoreAsOfDay(c('c'), asOf - 1)!;
    expect(score.frequency).toBe(1); // the 5,000 order on D itself is not seen
    for (const id of ['a', 'b', 'c']) {
      const expected = evaluator.scoreAsOfDay(c(id), asOf - 1)!.segment;
      expect(grouping.groupOf[c(id)]).toBe(expected);
      expect(expected).not.toBe(noPurchasesCode(map.segments.length));
    }
    const cut = cutTotals(history, window, grouping, 365);
    expect(cut.groups.reduce((sum, group) => sum + group.totals.buyers, 0)).toBe(3);
  });

  it('lifecycle statuses and journey stages before the start of D; customers not known yet are left out', () => {
    const { history, input, c } = journeyFixture();
    const index = prepareJourney(buildJourneyData(input), defaultStageMapping(), defaultLifecycleSettings(), 'UTC');
    const at = startOfLocalDay(asOf, 'UTC');
    const lifecycle = lifecycleGrouping(index, at);
    expect(lifecycle.groupOf[c('p')]).toBe(LIFECYCLE_STATUSES.indexOf('prospect'));
    expect(lifecycle.groupOf[c('b')]).toBe(LIFECYCLE_STATUSES.indexOf('lapsed')); // 306 days since the only order
    expect(lifecycle.groupOf[c('c')]).toBe(LIFECYCLE_STATUSES.indexOf('new')); // one order 2 days ago (the one on D is not seen)
    expect(lifecycle.groupOf[c('late')]).toBe(-1);
    const stages = journeyStageGrouping(index, at);
    expect(stages.groupOf[c('a')]).toBe(4); // retention: a second order
    expect(stages.groupOf[c('c')]).toBe(3); // purchase
    expect(stages.groupOf[c('late')]).toBe(-1);
    const cut = cutTotals(history, window, lifecycle, 365);
    expect(cut.all.customers).toBe(4);
  });

  it('a group of a cut limits the cohort table', () => {
    const { history, c } = testHistory(rows);
    const grouping = membershipGrouping(history.customerCount, [c('a'), c('c')]);
    const table = computeCohorts(history, { asOfDay: asOf, unit: 'month', members: groupMembers(grouping, 0) });
    expect(table.cohorts.map((row) => [row.cohort, row.customers])).toEqual([['2025-01', 1], ['2025-12', 1]]);
  });
});

function journeyFixture() {
  const withLate: TestRow[] = [...rows, ['late', 'order', '2026-02-01T10:00:00Z', 10]];
  const fixture = testHistory(withLate);
  return { ...fixture, input: { customerCount: fixture.ids.length, events: fixture.blocks, eventTypes: fixture.eventTypes } };
}
