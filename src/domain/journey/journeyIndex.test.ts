import { describe, expect, it } from 'vitest';
import { asOfInstant } from './asOf';
import { customersWithoutDate, journeyStateAt } from './journeyIndex';
import { addStage, assignItem, removeStage } from './mappingEdits';
import { defaultStageMapping } from './stageMapping';
import { at, ev, startOf, testJourney } from './testing';

const END = startOf(100);

function stageOf(events: ReturnType<typeof ev>[], id = 'a', when = END, mapping = defaultStageMapping()): string | null {
  const journey = testJourney(events, { mapping });
  return journeyStateAt(journey.index, journey.c(id), when).stageId;
}

describe('furthest stage', () => {
  it('takes the furthest stage any event reached, the first event always being Awareness', () => {
    expect(stageOf([ev('a', 'app_open', at(1))])).toBe('awareness');
    expect(stageOf([ev('a', 'page_view', at(1))])).toBe('interest');
    expect(stageOf([ev('a', 'page_view', at(1)), ev('a', 'cart_add', at(2)), ev('a', 'page_view', at(3))])).toBe('consideration');
    expect(stageOf([ev('a', 'registration', at(1)), ev('a', 'email_click', at(2))])).toBe('interest');
  });

  it('puts the first order in Purchase and the second in Retention', () => {
    expect(stageOf([ev('a', 'cart_add', at(1)), ev('a', 'order', at(2), {}, 100)])).toBe('purchase');
    expect(stageOf([ev('a', 'order', at(2), {}, 100), ev('a', 'order', at(40), {}, 50)])).toBe('retention');
  });

  it('does not count returns as orders', () => {
    expect(stageOf([ev('a', 'order', at(2), {}, 100), ev('a', 'return', at(5), {}, 100)])).toBe('purchase');
    expect(stageOf([ev('a', 'return', at(2), {}, 100), ev('a', 'order', at(5), {}, 100)])).toBe('purchase');
    expect(stageOf([ev('a', 'product_view', at(1)), ev('a', 'return', at(2), {}, 100)])).toBe('interest');
    const journey = testJourney([ev('a', 'order', at(2), {}, 100), ev('a', 'return', at(3), {}, 100), ev('a', 'return', at(4), {}, 20)]);
    // 98 days after the only order: at risk, the returns neither add orders nor refresh recency.
    expect(journeyStateAt(journey.index, 0, END)).toMatchObject({ orders: 1, daysSinceLastOrder: 98, lifecycle: 'at_risk', lastOrderTs: at(2) });
  });

  it('counts NPS 9–10 as Advocacy and lower scores as nothing', () => {
    const base = [ev('a', 'order', at(2), {}, 100)];
    expect(stageOf([...base, ev('a', 'nps', at(3), { score: '9' })])).toBe('advocacy');
    expect(stageOf([...base, ev('a', 'nps', at(3), { score: '10' })])).toBe('advocacy');
    expect(stageOf([...base, ev('a', 'nps', at(3), { score: '8' })])).toBe('purchase');
    expect(stageOf([...base, ev('a', 'nps', at(3))])).toBe('purchase');
    expect(stageOf([...base, ev('a', 'review', at(3), { score: '10' }), ev('a', 'survey', at(3), { score: '10' })])).toBe('advocacy');
    expect(stageOf([...base, ev('a', 'survey', at(3), { score: '10' })])).toBe('purchase');
  });

  it('merges a customer whose events come from several import batches, in time order', () => {
    const journey = testJourney([], {
      batches: [
        [ev('b', 'order', at(10), {}, 5), ev('a', 'order', at(30), {}, 10)],
        [ev('a', 'cart_add', at(1)), ev('a', 'order', at(5), {}, 20), ev('b', 'page_view', at(2))],
      ],
    });
    const a = journeyStateAt(journey.index, journey.c('a'), startOf(20));
    expect(a).toMatchObject({ stageId: 'purchase', orders: 1, daysSinceLastOrder: 15 });
    expect(journeyStateAt(journey.index, journey.c('a'), END)).toMatchObject({ stageId: 'retention', orders: 2 });
    expect(journeyStateAt(journey.index, journey.c('b'), END)).toMatchObject({ stageId: 'purchase', orders: 1 });
  });
});

describe('as of a date', () => {
  const events = [ev('a', 'page_view', at(1)), ev('a', 'cart_add', at(3)), ev('a', 'order', at(5, 10), {}, 100), ev('a', 'order', at(20), {}, 60), ev('a', 'review', at(25))];
  const journey = testJourney(events);

  it('counts only what happened before the instant', () => {
    expect(journeyStateAt(journey.index, 0, at(1)).isKnown).toBe(false);
    expect(journeyStateAt(journey.index, 0, at(1)).lifecycle).toBeNull();
    expect(journeyStateAt(journey.index, 0, at(1) + 1)).toMatchObject({ isKnown: true, stageId: 'interest', lifecycle: 'prospect', orders: 0 });
    expect(journeyStateAt(journey.index, 0, startOf(4)).stageId).toBe('consideration');
    expect(journeyStateAt(journey.index, 0, at(5, 10)).stageId).toBe('consideration');
    expect(journeyStateAt(journey.index, 0, at(5, 10) + 1)).toMatchObject({ stageId: 'purchase', lifecycle: 'new', orders: 1, daysSinceLastOrder: 0 });
    expect(journeyStateAt(journey.index, 0, startOf(21))).toMatchObject({ stageId: 'retention', lifecycle: 'active', orders: 2, daysSinceLastOrder: 1, lastOrderTs: at(20) });
    expect(journeyStateAt(journey.index, 0, END).stageId).toBe('advocacy');
  });

  it('uses the workspace time zone for dates and day counts', () => {
    // 22:30 UTC on 1 Jan is 01:30 on 2 Jan in Moscow.
    const late = testJourney([ev('a', 'order', Date.UTC(2026, 0, 1, 22, 30), {}, 10)], { timeZone: 'Europe/Moscow' });
    const utc = testJourney([ev('a', 'order', Date.UTC(2026, 0, 1, 22, 30), {}, 10)], { timeZone: 'UTC' });
    expect(journeyStateAt(late.index, 0, asOfInstant('2026-01-02', 'Europe/Moscow')).orders).toBe(0);
    expect(journeyStateAt(utc.index, 0, asOfInstant('2026-01-02', 'UTC')).orders).toBe(1);
    expect(journeyStateAt(late.index, 0, asOfInstant('2026-01-03', 'Europe/Moscow')).daysSinceLastOrder).toBe(1);
    expect(journeyStateAt(utc.index, 0, asOfInstant('2026-01-03', 'UTC')).daysSinceLastOrder).toBe(2);
  });

  it('knows a customer from the profile sign-up before any event', () => {
    const signedUp = testJourney([ev('a', 'cart_add', at(10))], { signups: { a: at(2) } });
    expect(journeyStateAt(signedUp.index, 0, startOf(5))).toMatchObject({ isKnown: true, stageId: 'awareness', lifecycle: 'prospect' });
    expect(journeyStateAt(signedUp.index, 0, startOf(1))).toMatchObject({ isKnown: false, stageId: null });
  });

  it('never places a bare profile (no event, no sign-up) in time', () => {
    const bare = testJourney([ev('a', 'page_view', at(1))], { ids: ['a', 'bare'] });
    expect(journeyStateAt(bare.index, 1, END)).toMatchObject({ isKnown: false, stage: -1, lifecycle: null });
    expect(customersWithoutDate(bare.index)).toBe(1);
  });

  it('answers for customers outside the data without failing', () => {
    expect(journeyStateAt(journey.index, 99, END)).toMatchObject({ isKnown: false, stage: -1, lifecycle: null });
  });
});

describe('custom mappings', () => {
  const events = [ev('a', 'page_view', at(1)), ev('a', 'cart_add', at(2)), ev('a', 'loyalty_card', at(3))];

  it('follows an event type moved to another stage', () => {
    expect(stageOf(events)).toBe('consideration');
    expect(stageOf(events, 'a', END, assignItem(defaultStageMapping(), 'cart_add', 'interest'))).toBe('interest');
    expect(stageOf(events, 'a', END, assignItem(defaultStageMapping(), 'loyalty_card', 'retention'))).toBe('retention');
  });

  it('uses added stages in their place and forgets removed ones', () => {
    const added = addStage(defaultStageMapping(), 'Card holder', 'consideration');
    const mapping = assignItem(added.mapping, 'loyalty_card', added.stageId);
    expect(stageOf(events, 'a', END, mapping)).toBe(added.stageId);
    expect(stageOf([...events, ev('a', 'order', at(4), {}, 1)], 'a', END, mapping)).toBe('purchase');
    expect(stageOf(events, 'a', END, removeStage(defaultStageMapping(), 'consideration'))).toBe('interest');
  });

  it('lets the order rules move: repeat orders counted as Purchase', () => {
    const mapping = assignItem(defaultStageMapping(), '@repeat_order', 'purchase');
    expect(stageOf([ev('a', 'order', at(1), {}, 1), ev('a', 'order', at(2), {}, 1)], 'a', END, mapping)).toBe('purchase');
  });

  it('leaves a customer in no stage when nothing they did is assigned', () => {
    const mapping = assignItem(defaultStageMapping(), '@first_event', null);
    const journey = testJourney([ev('a', 'app_open', at(1))], { mapping });
    expect(journeyStateAt(journey.index, 0, END)).toMatchObject({ isKnown: true, stage: -1, stageId: null, lifecycle: 'prospect' });
  });
});
