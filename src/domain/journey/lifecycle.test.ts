import { describe, expect, it } from 'vitest';
import { journeyStateAt } from './journeyIndex';
import { defaultLifecycleSettings, lifecycleStatus, parseLifecycleSettings, type LifecycleSettings } from './lifecycle';
import { at, ev, startOf, testJourney } from './testing';

const settings = defaultLifecycleSettings();
const withRelative: LifecycleSettings = { ...settings, relativeRule: { isEnabled: true, multiplier: 1.5 } };

function status(orders: number, daysSinceLastOrder: number, daysFirstToLastOrder = 0, rules = settings) {
  return lifecycleStatus({ orders, daysSinceLastOrder, daysFirstToLastOrder }, rules);
}

describe('lifecycle rules at their boundaries (N 30, T1 90, T2 180, T3 365)', () => {
  it('prospect without orders', () => {
    expect(status(0, 0)).toBe('prospect');
  });

  it('new: one order within N days, inclusive', () => {
    expect(status(1, 0)).toBe('new');
    expect(status(1, 30)).toBe('new');
    expect(status(1, 31)).toBe('active');
    expect(status(2, 5, 10)).toBe('active');
  });

  it('active up to T1, at risk up to T2, lapsed up to T3, churned after', () => {
    expect(status(3, 90, 60)).toBe('active');
    expect(status(3, 91, 60)).toBe('at_risk');
    expect(status(1, 180)).toBe('at_risk');
    expect(status(1, 181)).toBe('lapsed');
    expect(status(1, 365)).toBe('lapsed');
    expect(status(1, 366)).toBe('churned');
  });

  it('honours changed thresholds', () => {
    const tight = { ...settings, newDays: 7, activeDays: 30, atRiskDays: 60, lapsedDays: 90 };
    expect(status(1, 8, 0, tight)).toBe('active');
    expect(status(1, 31, 0, tight)).toBe('at_risk');
    expect(status(1, 61, 0, tight)).toBe('lapsed');
    expect(status(1, 91, 0, tight)).toBe('churned');
  });
});

describe('relative rule: at risk after 1.5 × the customer’s own average gap', () => {
  it('turns active into at risk once the gap is exceeded', () => {
    // 3 orders 20 days apart → average gap 10 days
    expect(status(3, 15, 20, withRelative)).toBe('active');
    expect(status(3, 16, 20, withRelative)).toBe('at_risk');
    expect(status(3, 16, 20)).toBe('active');
  });

  it('needs two orders, never improves lapsed or churned, floors the gap at one day', () => {
    expect(status(1, 31, 0, withRelative)).toBe('active');
    expect(status(2, 200, 400, withRelative)).toBe('lapsed');
    expect(status(2, 400, 10, withRelative)).toBe('churned');
    expect(status(2, 1, 0, withRelative)).toBe('active');
    expect(status(2, 2, 0, withRelative)).toBe('at_risk');
    expect(status(2, 3, 2, { ...settings, relativeRule: { isEnabled: true, multiplier: 2 } })).toBe('active');
  });
});

describe('lifecycle through the journey index', () => {
  it('counts calendar days in the workspace zone, not 24-hour spans', () => {
    // Order at 23:30 Moscow time on 1 January; as of 1 February (Moscow) that is 31 days.
    const order = Date.UTC(2026, 0, 1, 20, 30);
    const journey = testJourney([ev('a', 'order', order, {}, 10)], { timeZone: 'Europe/Moscow' });
    const asOf = Date.UTC(2026, 0, 31, 21, 0); // start of 1 Feb in Moscow
    expect(journeyStateAt(journey.index, 0, asOf)).toMatchObject({ daysSinceLastOrder: 31, lifecycle: 'active' });
    expect(journeyStateAt(journey.index, 0, asOf - 3_600_000 * 24)).toMatchObject({ daysSinceLastOrder: 30, lifecycle: 'new' });
  });

  it('applies the relative rule from the orders before the date only', () => {
    const events = [ev('a', 'order', at(0), {}, 1), ev('a', 'order', at(10), {}, 1), ev('a', 'order', at(20), {}, 1), ev('a', 'order', at(80), {}, 1)];
    const journey = testJourney(events, { lifecycle: withRelative });
    expect(journeyStateAt(journey.index, 0, startOf(35)).lifecycle).toBe('active');
    expect(journeyStateAt(journey.index, 0, startOf(36)).lifecycle).toBe('at_risk');
    expect(journeyStateAt(journey.index, 0, startOf(81)).lifecycle).toBe('active');
  });
});

describe('parseLifecycleSettings', () => {
  it('accepts the defaults and refuses thresholds out of order, naming the field', () => {
    expect(parseLifecycleSettings(defaultLifecycleSettings())).toEqual({ ok: true, value: defaultLifecycleSettings() });
    expect(parseLifecycleSettings({ ...settings, atRiskDays: 90 })).toEqual({ ok: false, error: 'atRiskDays: T2 (at risk) must be greater than T1 (active)' });
    expect(parseLifecycleSettings({ ...settings, lapsedDays: 100 })).toEqual({ ok: false, error: 'lapsedDays: T3 (lapsed) must be greater than T2 (at risk)' });
    expect(parseLifecycleSettings({ ...settings, newDays: 120 })).toEqual({ ok: false, error: 'newDays: N (new) must not exceed T1 (active)' });
    expect(parseLifecycleSettings({ ...settings, activeDays: 12.5 })).toMatchObject({ ok: false, error: expect.stringMatching(/^activeDays: /) });
    expect(parseLifecycleSettings({ ...settings, relativeRule: { isEnabled: true, multiplier: 0.5 } })).toMatchObject({ ok: false, error: 'relativeRule.multiplier: at least 1' });
    expect(parseLifecycleSettings(null).ok).toBe(false);
  });
});
