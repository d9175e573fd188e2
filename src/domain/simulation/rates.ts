import { fromUnits } from './money';
import type { TotalSums } from './sums';

/**
 * The textbook's message metrics (rfm-cjm.md "Metric formulas") with their denominators, and
 * ROMI, each saying what it rests on. A replay sends messages but cannot see how people would
 * have reacted to them, so open, click and unsubscribe rates exist only with the projection; the
 * replayed conversion rate counts the goal events that followed a message anyway (the organic
 * baseline), per message sent.
 */
export interface RateFigure {
  /** numerator ÷ denominator; null when the denominator is 0 */
  value: number | null;
  numerator: number;
  denominator: number;
  /** what the denominator counts */
  of: 'sent' | 'delivered' | 'opened';
  basis: 'replayed' | 'projected';
}

function rate(numerator: number, denominator: number, of: RateFigure['of'], basis: RateFigure['basis']): RateFigure {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, of, basis };
}

export function rates(totals: TotalSums) {
  const projected = totals.projected;
  return {
    /** OR = unique opens ÷ delivered */
    openRate: rate(projected.opened, projected.delivered, 'delivered', 'projected'),
    /** CTR = unique clicks ÷ delivered */
    clickRate: rate(projected.clicked, projected.delivered, 'delivered', 'projected'),
    /** CTOR = unique clicks ÷ unique opens */
    clickToOpenRate: rate(projected.clicked, projected.opened, 'opened', 'projected'),
    /** unsubscribes ÷ delivered */
    unsubscribeRate: rate(projected.unsubscribed, projected.delivered, 'delivered', 'projected'),
    /** projected orders ÷ delivered */
    conversionRate: rate(projected.conversions, projected.delivered, 'delivered', 'projected'),
    /** goal events in the attribution window after a message ÷ messages sent (organic: would have happened anyway) */
    replayedConversionRate: rate(totals.conversions, totals.messages, 'sent', 'replayed'),
  };
}

export interface RomiFigure {
  /** (revenue × margin − cost) ÷ cost; null without cost */
  value: number | null;
  revenue: number;
  cost: number;
  basis: 'replayed' | 'projected';
  /** what the revenue is */
  revenueIs: string;
}

export type RomiFigures = ReturnType<typeof romi>;

function romiOf(revenue: number, cost: number, margin: number, basis: RomiFigure['basis'], revenueIs: string): RomiFigure {
  return { value: cost > 0 ? (revenue * margin - cost) / cost : null, revenue, cost, basis, revenueIs };
}

/**
 * ROMI three ways: on the organic revenue that followed messages (not their effect), on the
 * projected revenue (the assumptions' effect), and on the lift over the control group (the
 * treatment's extra revenue per customer × its customers) — the only replayed measure of effect,
 * and only when the chains have a control group.
 */
export function romi(totals: TotalSums, margin: number) {
  const cost = fromUnits(totals.cost);
  const { treatment, control } = totals.groups;
  const hasControl = control.customers > 0 && treatment.customers > 0;
  const lift = hasControl ? (fromUnits(treatment.revenue) / treatment.customers - fromUnits(control.revenue) / control.customers) * treatment.customers : 0;
  return {
    attributed: romiOf(fromUnits(totals.revenue), cost, margin, 'replayed', 'revenue of goal events after a message (organic: would have happened anyway)'),
    projected: romiOf(fromUnits(totals.projected.revenue), cost, margin, 'projected', 'revenue of projected orders'),
    incremental: hasControl ? romiOf(lift, cost, margin, 'replayed', 'treatment revenue per customer minus control revenue per customer, times treatment customers') : null,
  };
}
