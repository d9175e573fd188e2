import { describe, expect, it } from 'vitest';
import { funnelAt, quantileSorted } from './funnel';
import { assignItem } from './mappingEdits';
import { defaultStageMapping } from './stageMapping';
import { at, ev, startOf, testJourney } from './testing';

const END = startOf(200);

describe('funnel', () => {
  // a: awareness only; b: interest; c, d: consideration; e: purchase; f: retention; g: advocacy
  const events = [
    ev('a', 'app_open', at(1)),
    ev('b', 'page_view', at(1)),
    ev('c', 'page_view', at(1)), ev('c', 'cart_add', at(2)),
    ev('d', 'product_view', at(1)), ev('d', 'cart_add', at(4)),
    ev('e', 'page_view', at(1)), ev('e', 'cart_add', at(3)), ev('e', 'order', at(3, 18), {}, 10),
    ev('f', 'page_view', at(1)), ev('f', 'cart_add', at(5)), ev('f', 'order', at(6), {}, 10), ev('f', 'order', at(16), {}, 10),
    ev('g', 'registration', at(0)), ev('g', 'page_view', at(2)), ev('g', 'cart_add', at(6)), ev('g', 'order', at(7), {}, 10), ev('g', 'review', at(9)),
  ];
  const journey = testJourney(events);

  it('counts furthest and reached (this stage or later) per stage', () => {
    const funnel = funnelAt(journey.index, END);
    expect(funnel.customers).toBe(7);
    expect(funnel.withoutStage).toBe(0);
    expect(funnel.stages.map((s) => s.furthest)).toEqual([1, 1, 2, 1, 1, 1]);
    expect(funnel.stages.map((s) => s.reached)).toEqual([7, 6, 5, 3, 2, 1]);
  });

  it('gives stage-to-stage conversion and drop-off', () => {
    const funnel = funnelAt(journey.index, END);
    expect(funnel.stages[0]).toMatchObject({ conversionFromPrevious: null, dropOffFromPrevious: null, daysFromPrevious: null });
    expect(funnel.stages[1]!.conversionFromPrevious).toBeCloseTo(6 / 7);
    expect(funnel.stages[3]).toMatchObject({ conversionFromPrevious: 3 / 5, dropOffFromPrevious: 2 });
  });

  it('measures days between stages over customers who reached both, with median and quartiles', () => {
    const funnel = funnelAt(journey.index, END);
    // interest → consideration: c 1, d 3, e 2, f 4, g 4 days
    expect(funnel.stages[2]!.daysFromPrevious).toEqual({ count: 5, median: 3, q1: 2, q3: 4 });
    // consideration → purchase: e 0.25 day, f 1, g 1
    expect(funnel.stages[3]!.daysFromPrevious).toMatchObject({ count: 3, median: 1, q1: 0.625, q3: 1 });
    // awareness → interest: same event for b..f (0 days), g 2 days
    expect(funnel.stages[1]!.daysFromPrevious).toMatchObject({ count: 6, median: 0 });
    expect(funnel.stages[5]!.daysFromPrevious).toBeNull();
  });

  it('changes with the as-of date and the mapping', () => {
    const early = funnelAt(journey.index, startOf(3));
    expect(early.customers).toBe(7);
    expect(early.stages.map((s) => s.reached)).toEqual([7, 6, 1, 0, 0, 0]);
    expect(funnelAt(journey.index, startOf(1)).customers).toBe(1);
    const moved = testJourney(events, { mapping: assignItem(defaultStageMapping(), 'cart_add', 'interest') });
    expect(funnelAt(moved.index, END).stages.map((s) => s.furthest)).toEqual([1, 3, 0, 1, 1, 1]);
  });

  it('leaves out customers who skipped the previous stage from the time between stages', () => {
    const skip = testJourney([ev('x', 'order', at(1), {}, 5), ev('y', 'cart_add', at(1)), ev('y', 'order', at(3), {}, 5)]);
    const funnel = funnelAt(skip.index, END);
    expect(funnel.stages[3]).toMatchObject({ reached: 2, daysFromPrevious: { count: 1, median: 2 } });
  });

  it('counts customers the mapping puts in no stage', () => {
    const bare = testJourney([ev('x', 'app_open', at(1)), ev('y', 'page_view', at(1))], { mapping: assignItem(defaultStageMapping(), '@first_event', null) });
    expect(funnelAt(bare.index, END)).toMatchObject({ customers: 2, withoutStage: 1 });
  });
});

describe('quantileSorted (type 7)', () => {
  it('interpolates like R and numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([7], 0.75)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
