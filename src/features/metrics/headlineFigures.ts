import { figureChange, isSmallSample, type FigureChange, type MetricsDashboard, type MetricsTotals } from '../../domain/metrics';
import type { MetricsFormat } from './metricsFormat';

/**
 * The headline figures (issue 16): each with its value, the denominator it stands on (shown as
 * "n = …" and greyed under 30, §7.5) and its change against the same period a year and a
 * quarter before. Shared by the cards and the exported dashboard, so both say the same.
 */
export const HEADLINE_FIGURES = ['buyers', 'orders', 'netRevenue', 'aov', 'purchaseFrequency', 'repeatRate', 'arpu', 'churnedShare', 'crmShare'] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** count and money change relatively; a share changes by percentage points. */
type Kind = 'count' | 'money' | 'share' | 'decimal';

interface Spec {
  kind: Kind;
  value(totals: MetricsTotals): number | null;
  /** what a rate divides by; null for plain counts and sums */
  denominator(totals: MetricsTotals): number | null;
  detailParams(totals: MetricsTotals, format: MetricsFormat, churnDays: number): Record<string, string>;
}

const SPECS: Record<HeadlineFigure, Spec> = {
  buyers: { kind: 'count', value: (t) => t.buyers, denominator: () => null, detailParams: (t, f) => ({ customers: f.count(t.customers) }) },
  orders: { kind: 'count', value: (t) => t.orders, denominator: () => null, detailParams: () => ({}) },
  netRevenue: { kind: 'money', value: (t) => t.netRevenue, denominator: () => null, detailParams: (t, f) => ({ gross: f.money(t.grossRevenue), returns: f.money(t.returnedAmount) }) },
  aov: { kind: 'money', value: (t) => t.aov, denominator: (t) => t.orders, detailParams: (t, f) => ({ n: f.count(t.orders) }) },
  purchaseFrequency: { kind: 'decimal', value: (t) => t.purchaseFrequency, denominator: (t) => t.buyers, detailParams: (t, f) => ({ n: f.count(t.buyers) }) },
  repeatRate: { kind: 'share', value: (t) => t.repeatRate, denominator: (t) => t.buyers, detailParams: (t, f) => ({ n: f.count(t.buyers), repeat: f.count(t.repeatBuyers) }) },
  arpu: { kind: 'money', value: (t) => t.arpu, denominator: (t) => t.buyers, detailParams: (t, f) => ({ n: f.count(t.buyers) }) },
  churnedShare: { kind: 'share', value: (t) => t.churnedShare, denominator: (t) => t.buyersToDate, detailParams: (t, f, days) => ({ n: f.count(t.buyersToDate), churned: f.count(t.churnedBuyers), days: f.count(days) }) },
  crmShare: {
    kind: 'share',
    value: (t) => t.crm?.shareOfRevenue ?? null,
    denominator: (t) => t.orders,
    detailParams: (t, f) => ({ orders: f.count(t.crm?.orders ?? 0), total: f.count(t.orders), share: t.crm?.shareOfOrders === null || !t.crm ? '—' : f.percent(t.crm.shareOfOrders) }),
  },
};

export interface FigureView {
  figure: HeadlineFigure;
  value: string;
  rawValue: number | null;
  /** "of what", in words with the counts */
  detailParams: Record<string, string>;
  denominator: number | null;
  isSmallSample: boolean;
  changes: { shift: 'year' | 'quarter'; change: FigureChange; text: string | null; direction: -1 | 0 | 1 }[];
}

function formatValue(kind: Kind, value: number | null, format: MetricsFormat): string {
  if (value === null) return '—';
  if (kind === 'count') return format.count(value);
  if (kind === 'money') return format.money(value);
  if (kind === 'share') return format.percent(value);
  return format.decimal(value);
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : value < 0 ? `\u2212${text.replace(/^[-\u2212]/, '')}` : text;
}

function changeText(kind: Kind, change: FigureChange, format: MetricsFormat, points: (value: string) => string): string | null {
  if (kind === 'share') return change.difference === null ? null : signed(points(format.decimal(Math.abs(change.difference) * 100, 1)), change.difference);
  return change.relative === null ? null : signed(format.percent(Math.abs(change.relative)), change.relative);
}

/** The figures to show: the CRM share only when the data has an attribution prop. */
export function headlineFigures(dashboard: MetricsDashboard, format: MetricsFormat, churnDays: number, points: (value: string) => string): FigureView[] {
  const { totals } = dashboard;
  return HEADLINE_FIGURES.filter((figure) => figure !== 'crmShare' || totals.crm !== null).map((figure) => {
    const spec = SPECS[figure];
    const value = spec.value(totals);
    const denominator = spec.denominator(totals);
    return {
      figure,
      value: formatValue(spec.kind, value, format),
      rawValue: value,
      detailParams: spec.detailParams(totals, format, churnDays),
      denominator,
      isSmallSample: denominator !== null && isSmallSample(denominator),
      changes: (['year', 'quarter'] as const).map((shift) => {
        const previous = dashboard.previous[shift].totals;
        const hasPrevious = previous.buyersToDate > 0;
        const change = figureChange(value, hasPrevious ? spec.value(previous) : null);
        const delta = spec.kind === 'share' ? change.difference : change.relative;
        return { shift, change, text: changeText(spec.kind, change, format, points), direction: delta === null || delta === 0 ? 0 : delta > 0 ? 1 : -1 };
      }),
    };
  });
}

/** The value of a figure in a previous period, formatted (for the exported table). */
export function previousValue(dashboard: MetricsDashboard, figure: HeadlineFigure, shift: 'year' | 'quarter', format: MetricsFormat): string {
  const previous = dashboard.previous[shift].totals;
  if (previous.buyersToDate === 0) return '—';
  return formatValue(SPECS[figure].kind, SPECS[figure].value(previous), format);
}
