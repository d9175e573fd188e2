import { describe, expect, it } from 'vitest';
import { buildCustomerBlocks } from '../columnar';
import { generateDemoCustomers } from '../demo';
import type { CrmEvent, Customer } from '../model';
import { asOfInstant, defaultAsOfDate } from './asOf';
import { buildJourneyData } from './journeyData';
import { journeyInputFromColumns, journeyInputFromEvents } from './journeyInput';
import { journeyStateAt, prepareJourney } from './journeyIndex';
import { defaultLifecycleSettings, LIFECYCLE_STATUSES } from './lifecycle';
import { DEFAULT_STAGE_IDS, defaultStageMapping } from './stageMapping';
import { customerJourney, stagesSummary } from './summary';
import { at, ev, startOf } from './testing';

const settings = { mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings(), timeZone: 'UTC' };

describe('stagesSummary (the `chainlab stages --json` document)', () => {
  it('has the cli.md shape: stage ids in order, reached/furthest, median days, lifecycle counts', () => {
    const events = [
      ev('x', 'page_view', at(0)), ev('x', 'cart_add', at(1)), ev('x', 'order', at(2), {}, 10),
      ev('y', 'order', at(5), {}, 10), ev('y', 'order', at(9), {}, 10),
    ];
    const { input } = journeyInputFromEvents(events);
    const index = prepareJourney(buildJourneyData(input), settings.mapping, settings.lifecycle, 'UTC');
    const summary = stagesSummary(index, startOf(10), '2026-01-11');
    expect(summary.asOf).toBe('2026-01-11');
    expect(summary.customers).toBe(2);
    expect(summary.funnel.map((stage) => stage.stage)).toEqual([...DEFAULT_STAGE_IDS]);
    expect(summary.funnel.map((stage) => [stage.reached, stage.furthest])).toEqual([[2, 0], [2, 0], [2, 0], [2, 1], [1, 1], [0, 0]]);
    expect(summary.funnel[0]!.medianDaysFromPrevious).toBeNull();
    expect(summary.funnel[3]!.medianDaysFromPrevious).toBe(1);
    expect(summary.funnel[4]!.medianDaysFromPrevious).toBe(4);
    expect(summary.lifecycle).toEqual({ prospect: 0, new: 1, active: 1, at_risk: 0, lapsed: 0, churned: 0 });
    expect(Object.keys(summary.lifecycle)).toEqual([...LIFECYCLE_STATUSES]);
  });

  it('an orders file alone is enough: first order Purchase, second Retention', () => {
    const orders = [ev('p', 'order', at(1), {}, 1), ev('q', 'order', at(1), {}, 1), ev('q', 'order', at(3), {}, 1), ev('r', 'return', at(4), {}, 1)];
    const { input } = journeyInputFromEvents(orders);
    const index = prepareJourney(buildJourneyData(input), settings.mapping, settings.lifecycle, 'UTC');
    const summary = stagesSummary(index, startOf(5), '2026-01-06');
    expect(summary.funnel.map((stage) => stage.furthest)).toEqual([1, 0, 0, 1, 1, 0]);
    expect(summary.lifecycle.prospect).toBe(1);
  });
});

describe('customerJourney (the customer card)', () => {
  it('gives stage, status and when each stage was reached, from the customer’s own timeline', () => {
    const timeline = [ev('k', 'registration', at(0)), ev('k', 'product_view', at(1)), ev('k', 'order', at(3), {}, 50), ev('k', 'review', at(8))];
    const journey = customerJourney({ id: 'k' }, timeline, settings, startOf(20));
    expect(journey).toMatchObject({ stageId: 'advocacy', lifecycle: 'new', orders: 1, daysSinceLastOrder: 17 });
    expect(journey.stageReachedAt).toEqual([at(0), at(1), null, at(3), null, at(8)]);
    expect(customerJourney({ id: 'k' }, timeline, settings, startOf(2)).stageId).toBe('interest');
  });

  it('handles a customer with no events', () => {
    expect(customerJourney({ id: 'n', signupAt: at(1) }, [], settings, startOf(5))).toMatchObject({ isKnown: true, stageId: 'awareness', lifecycle: 'prospect' });
    expect(customerJourney({ id: 'n' }, [], settings, startOf(5))).toMatchObject({ isKnown: false, stageId: null, lifecycle: null });
  });
});

describe('journey over the demo workspace', () => {
  const customers: Customer[] = [];
  const events: CrmEvent[] = [];
  for (const record of generateDemoCustomers({ customers: 400, seed: 3 })) {
    customers.push(record.customer);
    events.push(...record.events);
  }

  it('gives the same answer from stored columns as from each customer’s own timeline', () => {
    const { input, customerIds } = journeyInputFromEvents(events);
    const blocks = buildCustomerBlocks(customerIds.map((id) => customers.find((customer) => customer.id === id)!));
    const fromColumns = journeyInputFromColumns(blocks, input.events, input.eventTypes);
    const index = prepareJourney(buildJourneyData(fromColumns), settings.mapping, settings.lifecycle, 'Europe/Moscow');
    const asOf = asOfInstant(defaultAsOfDate(buildJourneyData(fromColumns).lastTs, 'Europe/Moscow')!, 'Europe/Moscow');
    const summary = stagesSummary(index, asOf, 'x');
    expect(summary.customers).toBe(400);
    expect(summary.withoutStage).toBe(0);
    expect(summary.funnel[0]!.reached).toBe(400);
    for (let s = 1; s < summary.funnel.length; s++) expect(summary.funnel[s]!.reached).toBeLessThanOrEqual(summary.funnel[s - 1]!.reached);
    expect(summary.funnel[5]!.reached).toBeGreaterThan(0);
    for (const [c, id] of customerIds.entries()) {
      const customer = customers.find((candidate) => candidate.id === id)!;
      const own = customerJourney(customer, events.filter((event) => event.customerId === id), { ...settings, timeZone: 'Europe/Moscow' }, asOf);
      const { stageId, lifecycle, orders } = journeyStateAt(index, c, asOf);
      expect({ stageId: own.stageId, lifecycle: own.lifecycle, orders: own.orders }).toEqual({ stageId, lifecycle, orders });
    }
  });
});
