import { describe, expect, it } from 'vitest';
import { cjmMatrix, TOUCHPOINT_SEPARATOR } from './cjm';
import { flowMatrix, lifecycleCounts } from './flows';
import { assignItem } from './mappingEdits';
import { stagesByPeriod } from './periods';
import { defaultStageMapping } from './stageMapping';
import { at, ev, startOf, testJourney } from './testing';

const END = startOf(100);

describe('CJM matrix', () => {
  const events = [
    ev('a', 'page_view', at(1), { channel: 'web' }), ev('a', 'email_open', at(2), { channel: 'email' }), ev('a', 'email_open', at(3), { channel: 'email' }),
    ev('a', 'cart_add', at(4), { channel: 'web' }), ev('a', 'email_open', at(5), { channel: 'email' }),
    ev('b', 'email_open', at(1), { channel: 'email' }), ev('b', 'cart_add', at(2), { channel: 'app' }), ev('b', 'order', at(3), { channel: 'app' }, 10),
    ev('b', 'support_ticket', at(4)),
  ];
  const journey = testJourney(events);
  const matrix = cjmMatrix(journey.index, END, 30);

  it('counts each event in the stage the customer was at right after it', () => {
    const emailOpen = matrix.byType.find((row) => row.key === 'email_open')!;
    // a: two opens at Interest, one at Consideration; b: its first event, at Interest
    expect(emailOpen.events.slice(0, 6)).toEqual([0, 3, 1, 0, 0, 0]);
    expect(emailOpen.customers.slice(0, 6)).toEqual([0, 2, 1, 0, 0, 0]);
    expect(matrix.byType.find((row) => row.key === 'support_ticket')!.events[3]).toBe(1);
    expect(matrix.byType[0]!.key).toBe('email_open');
  });

  it('has channel and touchpoint (channel × type) rows, events without a channel under ""', () => {
    const email = matrix.byChannel.find((row) => row.key === 'email')!;
    expect(email).toMatchObject({ channel: 'email', totalEvents: 4 });
    expect(email.customers[1]).toBe(2);
    expect(matrix.byChannel.find((row) => row.key === '')!.events[3]).toBe(1);
    const appCart = matrix.byTouchpoint.find((row) => row.key === `app${TOUCHPOINT_SEPARATOR}cart_add`)!;
    expect(appCart).toMatchObject({ channel: 'app', type: 'cart_add', totalEvents: 1 });
    expect(appCart.events[2]).toBe(1);
    expect(matrix.hasEventsBeforeStages).toBe(false);
  });

  it('shows where customers are stuck: at a stage longer than N days without moving on', () => {
    expect(matrix.atStage).toEqual([0, 0, 1, 1, 0, 0]);
    expect(matrix.stuck).toEqual([0, 0, 1, 1, 0, 0]);
    expect(matrix.medianDaysAtStage[2]).toBeCloseTo(95.5);
    expect(cjmMatrix(journey.index, startOf(10), 30).stuck).toEqual([0, 0, 0, 0, 0, 0]);
    const recent = cjmMatrix(journey.index, startOf(34), 30);
    expect(recent.stuck).toEqual([0, 0, 0, 1, 0, 0]);
    expect(recent.bottleneck).toBe(3);
  });

  it('ignores events at or after the as-of instant', () => {
    const early = cjmMatrix(journey.index, at(3), 30);
    expect(early.byType.find((row) => row.key === 'email_open')!.totalEvents).toBe(2);
    expect(early.byType.some((row) => row.key === 'order')).toBe(false);
  });

  it('puts events before any stage in the extra column', () => {
    const mapping = assignItem(defaultStageMapping(), '@first_event', null);
    const bare = cjmMatrix(testJourney([ev('x', 'app_open', at(1)), ev('x', 'page_view', at(2))], { mapping }).index, END);
    expect(bare.hasEventsBeforeStages).toBe(true);
    expect(bare.byType.find((row) => row.key === 'app_open')!.events[6]).toBe(1);
  });
});

describe('stages by period', () => {
  const events = [
    ev('a', 'page_view', Date.UTC(2026, 0, 5)), ev('a', 'order', Date.UTC(2026, 1, 3), {}, 1),
    ev('b', 'cart_add', Date.UTC(2026, 0, 20)),
    ev('c', 'page_view', Date.UTC(2026, 2, 1)), ev('c', 'order', Date.UTC(2026, 2, 2), {}, 1), ev('c', 'order', Date.UTC(2026, 2, 9), {}, 1),
  ];
  const journey = testJourney(events);

  it('counts first entries per month and the furthest stage at each month end', () => {
    const result = stagesByPeriod(journey.index, Date.UTC(2026, 2, 15), 'month');
    expect(result.periods.map((p) => p.startDate)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(result.periods.map((p) => p.isPartial)).toEqual([false, false, true]);
    expect(result.periods[2]!.endDate).toBe('2026-03-14');
    expect(result.periods.map((p) => p.entered)).toEqual([
      [2, 1, 1, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
      [1, 1, 0, 1, 1, 0],
    ]);
    expect(result.periods.map((p) => p.furthestAtEnd)).toEqual([
      [0, 1, 1, 0, 0, 0],
      [0, 0, 1, 1, 0, 0],
      [0, 0, 1, 1, 1, 0],
    ]);
  });

  it('cuts ISO weeks starting on Monday', () => {
    const result = stagesByPeriod(journey.index, Date.UTC(2026, 0, 21), 'week');
    expect(result.periods.map((p) => p.startDate)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(result.periods[2]!.entered[2]).toBe(1);
  });
});

describe('lifecycle counts and flows between two dates', () => {
  const events = [
    ev('a', 'order', at(0), {}, 1),
    ev('b', 'page_view', at(0)), ev('b', 'order', at(150), {}, 1),
    ev('c', 'page_view', at(120)),
  ];
  const journey = testJourney(events);

  it('counts statuses as of a date, leaving out customers not known yet', () => {
    expect(lifecycleCounts(journey.index, startOf(10))).toEqual({ prospect: 1, new: 1, active: 0, at_risk: 0, lapsed: 0, churned: 0 });
    expect(lifecycleCounts(journey.index, startOf(200))).toEqual({ prospect: 1, new: 0, active: 1, at_risk: 0, lapsed: 1, churned: 0 });
  });

  it('gives the from × to matrix with not-known customers as a state', () => {
    const flow = flowMatrix(journey.index, 'lifecycle', startOf(10), startOf(200));
    const cell = (from: string, to: string) => flow.counts[flow.states.indexOf(from)]![flow.states.indexOf(to)];
    expect(cell('new', 'lapsed')).toBe(1);
    expect(cell('prospect', 'active')).toBe(1);
    expect(cell('not_known', 'prospect')).toBe(1);
    expect(flow.fromTotals.reduce((a, b) => a + b, 0)).toBe(3);
    const stages = flowMatrix(journey.index, 'stage', startOf(10), startOf(200));
    expect(stages.counts[stages.states.indexOf('interest')]![stages.states.indexOf('purchase')]).toBe(1);
  });
});
