import { isSmallSample, type CutTotals, type GroupTotals } from '../../domain/metrics';
import type { MetricsFormat } from './metricsFormat';

/**
 * The cut table's rows as text (screen, CSV, HTML dashboard alike): one row per group that has
 * customers, its figures formatted, rates over fewer than 30 marked small (§7.5).
 */
export interface GroupLabel {
  name: string;
  /** '#rrggbb' (RFM segments have colours) */
  color?: string;
}

export const CUT_COLUMNS = ['customers', 'buyers', 'shareOfBuyers', 'netRevenue', 'shareOfRevenue', 'aov', 'purchaseFrequency', 'repeatRate', 'arpu', 'churnedShare'] as const;
export type CutColumn = (typeof CUT_COLUMNS)[number];

export interface CutRow {
  group: number;
  label: GroupLabel;
  cells: Record<CutColumn, { text: string; value: number | null; isSmall: boolean }>;
}

function rate(value: number | null, denominator: number, format: (value: number) => string) {
  return { text: value === null ? '—' : format(value), value, isSmall: value !== null && isSmallSample(denominator) };
}

function plain(value: number, text: string) {
  return { text, value, isSmall: false };
}

export function cutRows(cut: CutTotals, labels: readonly GroupLabel[], format: MetricsFormat): CutRow[] {
  return cut.groups
    .filter((group) => group.totals.customers > 0)
    .map(({ group, totals, shareOfBuyers, shareOfRevenue }) => ({
      group,
      label: labels[group] ?? { name: String(group) },
      cells: {
        customers: plain(totals.customers, format.count(totals.customers)),
        buyers: plain(totals.buyers, format.count(totals.buyers)),
        shareOfBuyers: rate(shareOfBuyers, cut.all.buyers, format.percent),
        netRevenue: plain(totals.netRevenue, format.money(totals.netRevenue)),
        shareOfRevenue: rate(shareOfRevenue, cut.all.buyers, format.percent),
        aov: rate(totals.aov, totals.orders, format.money),
        purchaseFrequency: rate(totals.purchaseFrequency, totals.buyers, (value) => format.decimal(value)),
        repeatRate: rate(totals.repeatRate, totals.buyers, format.percent),
        arpu: rate(totals.arpu, totals.buyers, format.money),
        churnedShare: rate(totals.churnedShare, totals.buyersToDate, format.percent),
      },
    }));
}

/**
 * The group that stands out: the largest share of revenue per share of buyers, among groups
 * with at least 30 buyers whose share of revenue exceeds their share of buyers ("Champions bring
 * 48 % of revenue with 2 % of buyers"). Null when no group qualifies.
 */
export function standoutGroup(cut: CutTotals): GroupTotals | null {
  let best: GroupTotals | null = null;
  // Only a group bringing more than its share is worth a sentence.
  let bestRatio = 1;
  for (const group of cut.groups) {
    if (isSmallSample(group.totals.buyers) || !group.shareOfBuyers || !group.shareOfRevenue || group.shareOfRevenue <= 0) continue;
    const ratio = group.shareOfRevenue / group.shareOfBuyers;
    if (ratio > bestRatio) {
      best = group;
      bestRatio = ratio;
    }
  }
  return best;
}
