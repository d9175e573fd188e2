import { describe, expect, it } from 'vitest';
import { defaultInactionSettings, inactionList, parseInactionSettings } from './inaction';
import { assignItem, removeStage } from './mappingEdits';
import { defaultStageMapping } from './stageMapping';
import { at, ev, startOf, testJourney } from './testing';

const AS_OF = startOf(100);
const settings = defaultInactionSettings();

function ids(journey: ReturnType<typeof testJourney>, result: ReturnType<typeof inactionList>): string[] {
  return Array.from(result.customers, (c) => journey.ids[c]!);
}

describe('considered but did not buy (last N days)', () => {
  const events = [
    ev('inside', 'cart_add', at(70)), // day 70 = as-of day − 30: still inside
    ev('outside', 'cart_add', at(69)),
    ev('bought', 'cart_add', at(80)), ev('bought', 'order', at(81), {}, 10),
    ev('buyer-later', 'cart_add', at(95)), ev('buyer-later', 'order', at(120), {}, 10),
    ev('old-and-new', 'checkout', at(10)), ev('old-and-new', 'wishlist', at(99, 23)),
    ev('browser', 'product_view', at(99)),
  ];
  const journey = testJourney(events);

  it('lists recent Consideration activity without a purchase, freshest first, with days', () => {
    const result = inactionList(journey.index, 'considered_not_bought', AS_OF, settings);
    expect(ids(journey, result)).toEqual(['old-and-new', 'buyer-later', 'inside']);
    expect(Array.from(result.days)).toEqual([1, 5, 30]);
    expect(result.since[0]).toBe(at(99, 23));
  });

  it('follows N and the mapping, and says when a stage it needs was removed', () => {
    expect(ids(journey, inactionList(journey.index, 'considered_not_bought', AS_OF, { ...settings, considerationDays: 31 }))).toContain('outside');
    const moved = testJourney(events, { mapping: assignItem(defaultStageMapping(), 'product_view', 'consideration') });
    expect(ids(moved, inactionList(moved.index, 'considered_not_bought', AS_OF, settings))).toContain('browser');
    const removed = testJourney(events, { mapping: removeStage(defaultStageMapping(), 'consideration') });
    const result = inactionList(removed.index, 'considered_not_bought', AS_OF, settings);
    expect(result.missingStage).toBe('consideration');
    expect(result.customers).toHaveLength(0);
  });
});

describe('subscribers with no order', () => {
  const events = [
    ev('sub', 'subscribe', at(10)),
    ev('sub-buyer', 'subscribe', at(10)), ev('sub-buyer', 'order', at(20), {}, 5),
    ev('unsub', 'subscribe', at(10)), ev('unsub', 'unsubscribe', at(30)),
    ev('resub', 'unsubscribe', at(5)), ev('resub', 'subscribe', at(90)),
    ev('consent-only', 'page_view', at(3)),
    ev('consent-but-unsub', 'unsubscribe', at(40)),
    ev('sub-later', 'subscribe', at(150)),
    ev('return-only', 'subscribe', at(50)), ev('return-only', 'return', at(60), {}, 5),
  ];
  const journey = testJourney(events, { emailConsent: { 'consent-only': 1, 'consent-but-unsub': 1, unsub: 2 } });

  it('lists the currently subscribed without orders; profile consent counts when no event says otherwise', () => {
    const result = inactionList(journey.index, 'subscribed_no_order', AS_OF, settings);
    expect(ids(journey, result)).toEqual(['resub', 'return-only', 'sub', 'consent-only']);
    expect(Array.from(result.days)).toEqual([10, 50, 90, -1]);
    expect(result.since[3]).toBeNaN();
  });

  it('can ask for subscriptions at least N days old', () => {
    expect(ids(journey, inactionList(journey.index, 'subscribed_no_order', AS_OF, { ...settings, subscribedMinDays: 60 }))).toEqual(['sub', 'consent-only']);
  });
});

describe('buyers without a second order after N days', () => {
  const events = [
    ev('sixty', 'order', at(40), {}, 5),
    ev('fifty-nine', 'order', at(41), {}, 5),
    ev('two', 'order', at(10), {}, 5), ev('two', 'order', at(20), {}, 5),
    ev('returned', 'order', at(10), {}, 5), ev('returned', 'return', at(12), {}, 5),
    ev('second-later', 'order', at(10), {}, 5), ev('second-later', 'order', at(110), {}, 5),
  ];
  const journey = testJourney(events);

  it('lists one-order customers whose order is at least N days old', () => {
    const result = inactionList(journey.index, 'one_order_no_repeat', AS_OF, settings);
    expect(ids(journey, result)).toEqual(['sixty', 'returned', 'second-later']);
    expect(Array.from(result.days)).toEqual([60, 90, 90]);
    expect(ids(journey, inactionList(journey.index, 'one_order_no_repeat', AS_OF, { ...settings, repeatAfterDays: 59 }))).toContain('fifty-nine');
  });
});

describe('parseInactionSettings', () => {
  it('accepts the defaults and names a bad field', () => {
    expect(parseInactionSettings(defaultInactionSettings())).toEqual({ ok: true, value: defaultInactionSettings() });
    expect(parseInactionSettings({ ...settings, considerationDays: 0 })).toEqual({ ok: false, error: 'considerationDays: at least 1 day' });
    expect(parseInactionSettings({ ...settings, extra: 1 }).ok).toBe(false);
  });
});
