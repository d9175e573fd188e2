import { z } from 'zod';
import { describeZodError, type ParseResult } from './stageMapping';

/**
 * Lifecycle statuses (rfm-cjm.md), from a customer's orders as of a date. `d` = whole local
 * calendar days from the last order's day to the as-of day (an order yesterday: d = 1).
 * - prospect: no order yet (returns are not orders);
 * - new: exactly one order and d ≤ N;
 * - active: d ≤ T1;
 * - at_risk: T1 < d ≤ T2;
 * - lapsed: T2 < d ≤ T3;
 * - churned: d > T3.
 * Boundaries are inclusive on the "fresher" side: on day T1 a customer is still active.
 *
 * Defaults N = 30, T1 = 90, T2 = 180, T3 = 365 days: the usual e-commerce horizons (a quarter,
 * half a year, a year). The default demo shop's median gap between orders is 33 days and its
 * 90th percentile 71, so T1 = 90 leaves a normal repeat buyer active between orders.
 *
 * Optional relative rule: a customer with two or more orders whose d exceeds `multiplier` ×
 * their own average gap between orders (default 1.5) is at risk even before T1. It only turns
 * active into at_risk; it never makes a lapsed or churned customer look better. The average gap
 * is (last order day − first order day) / (orders − 1), at least one day, so two orders on the
 * same day do not put the customer at risk the next morning.
 */
export const LIFECYCLE_STATUSES = ['prospect', 'new', 'active', 'at_risk', 'lapsed', 'churned'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const LIFECYCLE_SETTINGS_VERSION = 1;

export interface LifecycleSettings {
  version: typeof LIFECYCLE_SETTINGS_VERSION;
  /** N: a one-order customer is "new" for this many days */
  newDays: number;
  /** T1 */
  activeDays: number;
  /** T2 */
  atRiskDays: number;
  /** T3 */
  lapsedDays: number;
  relativeRule: { isEnabled: boolean; multiplier: number };
}

export const MAX_LIFECYCLE_DAYS = 3650;

export function defaultLifecycleSettings(): LifecycleSettings {
  return {
    version: LIFECYCLE_SETTINGS_VERSION,
    newDays: 30,
    activeDays: 90,
    atRiskDays: 180,
    lapsedDays: 365,
    relativeRule: { isEnabled: false, multiplier: 1.5 },
  };
}

const days = z.number().int('whole days').min(0, 'not negative').max(MAX_LIFECYCLE_DAYS, `at most ${MAX_LIFECYCLE_DAYS} days`);

const lifecycleSchema = z
  .object({
    version: z.literal(LIFECYCLE_SETTINGS_VERSION),
    newDays: days,
    activeDays: days.min(1, 'at least 1 day'),
    atRiskDays: days,
    lapsedDays: days,
    relativeRule: z.object({ isEnabled: z.boolean(), multiplier: z.number().min(1, 'at least 1').max(10, 'at most 10') }).strict(),
  })
  .strict()
  .superRefine((settings, context) => {
    if (settings.newDays > settings.activeDays) context.addIssue({ code: 'custom', path: ['newDays'], message: 'N (new) must not exceed T1 (active)' });
    if (settings.atRiskDays <= settings.activeDays) context.addIssue({ code: 'custom', path: ['atRiskDays'], message: 'T2 (at risk) must be greater than T1 (active)' });
    if (settings.lapsedDays <= settings.atRiskDays) context.addIssue({ code: 'custom', path: ['lapsedDays'], message: 'T3 (lapsed) must be greater than T2 (at risk)' });
  });

export function parseLifecycleSettings(value: unknown): ParseResult<LifecycleSettings> {
  const result = lifecycleSchema.safeParse(value);
  if (!result.success) return { ok: false, error: describeZodError(result.error) };
  return { ok: true, value: { ...result.data, version: LIFECYCLE_SETTINGS_VERSION, relativeRule: { ...result.data.relativeRule } } };
}

export interface OrderHistoryAsOf {
  /** orders before the as-of instant */
  orders: number;
  /** whole days from the last order's local day to the as-of day; ignored when orders = 0 */
  daysSinceLastOrder: number;
  /** whole days from the first to the last order's local day; ignored when orders < 2 */
  daysFirstToLastOrder: number;
}

/** The status for one customer's order history (see the rules above). */
export function lifecycleStatus(history: OrderHistoryAsOf, settings: LifecycleSettings): LifecycleStatus {
  if (history.orders === 0) return 'prospect';
  const d = history.daysSinceLastOrder;
  if (history.orders === 1 && d <= settings.newDays) return 'new';
  if (d <= settings.activeDays) {
    if (history.orders >= 2 && settings.relativeRule.isEnabled) {
      const averageGap = Math.max(1, history.daysFirstToLastOrder / (history.orders - 1));
      if (d > settings.relativeRule.multiplier * averageGap) return 'at_risk';
    }
    return 'active';
  }
  if (d <= settings.atRiskDays) return 'at_risk';
  if (d <= settings.lapsedDays) return 'lapsed';
  return 'churned';
}
