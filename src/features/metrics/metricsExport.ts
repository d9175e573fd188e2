import type { TFunction } from 'i18next';
import { cohortTableCsv, plainTableCsv, type CohortTable, type CutTotals, type MetricsDashboard } from '../../domain/metrics';
import { formatEpochDay } from '../../domain/time';
import { cellColor, cohortCells, scaleMaximum, type CohortView } from './cohortScale';
import { CUT_COLUMNS, cutRows, type GroupLabel } from './cutRows';
import { chartImage, curveConfig, type CurveKind } from './curveCharts';
import type { DashboardDocument, DashboardTable } from './dashboardHtml';
import { headlineFigures, previousValue } from './headlineFigures';
import type { MetricsFormat } from './metricsFormat';

/**
 * Everything the Metrics screen exports, built from the same results the screen shows: a CSV
 * per table (numbers unrounded, formulas neutralised by the domain's CSV writer) and the
 * one-page HTML dashboard with the curves as images.
 */
export interface ExportContext {
  dashboard: MetricsDashboard;
  cut: { totals: CutTotals; labels: GroupLabel[]; name: string } | null;
  format: MetricsFormat;
  t: TFunction;
  churnDays: number;
  workspaceName: string;
  timeZone: string;
  /** "Cohorts of Champions only", when the screen shows one group */
  scopeNote: string | null;
}

export function periodLabelOf(t: TFunction, unit: string, k: number): string {
  return t(unit === 'week' ? 'metrics.cohorts.periodWeek' : 'metrics.cohorts.periodMonth', { k });
}

function points(t: TFunction) {
  return (value: string) => t('metrics.cards.points', { value });
}

/** The headline figures as a table: value, what it stands on, a year and a quarter before (formatted). */
export function totalsTable({ dashboard, format, t, churnDays }: ExportContext): DashboardTable {
  const figures = headlineFigures(dashboard, format, churnDays, points(t));
  return {
    title: t('metrics.cards.title'),
    header: [t('metrics.export.figure'), t('metrics.export.value'), t('metrics.export.denominator'), t('metrics.export.previousYear'), t('metrics.export.previousQuarter')],
    rows: figures.map((figure) => ({
      cells: [
        t(`metrics.cards.${figure.figure}`),
        figure.value,
        t(`metrics.cards.${figure.figure}Detail`, figure.detailParams),
        previousValue(dashboard, figure.figure, 'year', format),
        previousValue(dashboard, figure.figure, 'quarter', format),
      ],
      isMuted: figure.isSmallSample,
    })),
  };
}

/** The totals as CSV: raw numbers, one row per figure. */
export function totalsCsv({ dashboard, t }: ExportContext): string {
  const { totals, previous } = dashboard;
  const rows: (string | number | null)[][] = [];
  const add = (key: string, pick: (value: typeof totals) => number | null) => rows.push([t(`metrics.cards.${key}`), pick(totals), pick(previous.year.totals), pick(previous.quarter.totals)]);
  add('buyers', (value) => value.buyers);
  add('orders', (value) => value.orders);
  add('netRevenue', (value) => value.netRevenue);
  add('aov', (value) => value.aov);
  add('purchaseFrequency', (value) => value.purchaseFrequency);
  add('repeatRate', (value) => value.repeatRate);
  add('arpu', (value) => value.arpu);
  add('churnedShare', (value) => value.churnedShare);
  if (totals.crm) add('crmShare', (value) => value.crm?.shareOfRevenue ?? null);
  return plainTableCsv([t('metrics.export.figure'), t('metrics.export.value'), t('metrics.export.previousYear'), t('metrics.export.previousQuarter')], rows);
}

export function cohortCsv(table: CohortTable, view: CohortView | 'retained', t: TFunction): string {
  return cohortTableCsv(table, view, {
    cohort: t('metrics.cohorts.cohort'),
    startDate: t('metrics.export.startDate'),
    customers: t('metrics.cohorts.customers'),
    period: (k) => periodLabelOf(t, table.unit, k),
    partial: t('metrics.export.partialColumn'),
  });
}

export function cutCsv(cut: CutTotals, labels: GroupLabel[], t: TFunction): string {
  const header = [t('metrics.cuts.group'), ...CUT_COLUMNS.map((column) => t(`metrics.cuts.${column}`))];
  const rows = cut.groups.filter((group) => group.totals.customers > 0).map((group) => {
    const { totals } = group;
    const values: Record<(typeof CUT_COLUMNS)[number], number | null> = {
      customers: totals.customers,
      buyers: totals.buyers,
      shareOfBuyers: group.shareOfBuyers,
      netRevenue: totals.netRevenue,
      shareOfRevenue: group.shareOfRevenue,
      aov: totals.aov,
      purchaseFrequency: totals.purchaseFrequency,
      repeatRate: totals.repeatRate,
      arpu: totals.arpu,
      churnedShare: totals.churnedShare,
    };
    return [labels[group.group]?.name ?? String(group.group), ...CUT_COLUMNS.map((column) => values[column])];
  });
  return plainTableCsv(header, rows);
}

export function ordersPerBuyerCsv(dashboard: MetricsDashboard, t: TFunction): string {
  return plainTableCsv(
    [t('metrics.repeat.category'), t('metrics.repeat.buyers')],
    dashboard.totals.ordersPerBuyer.map((buyers, i) => [i === 4 ? t('metrics.repeat.bucketMore') : String(i + 1), buyers]),
  );
}

function cohortDashboardTable(table: CohortTable, view: CohortView, format: MetricsFormat, t: TFunction): DashboardTable {
  const width = table.cohorts.reduce((max, row) => Math.max(max, row.retention.length), 0);
  const max = scaleMaximum(table, view);
  return {
    title: t(`metrics.cohorts.views.${view}`),
    header: [t('metrics.cohorts.cohort'), t('metrics.cohorts.customers'), ...Array.from({ length: width }, (_, k) => periodLabelOf(t, table.unit, k))],
    rows: table.cohorts.map((row) => {
      const cells = cohortCells(row, view);
      const texts = Array.from({ length: width }, (_, k) => (k < cells.length ? `${view === 'retention' ? format.percent(cells[k]!) : format.money(cells[k]!)}${row.partialLast && k === cells.length - 1 ? '*' : ''}` : ''));
      const shades = [null, null, ...Array.from({ length: width }, (_, k) => (k < cells.length && !row.isSmallSample && !(view === 'retention' && k === 0) ? cellColor(cells[k]!, max) : null))];
      return { cells: [row.cohort, format.count(row.customers), ...texts], shades, isMuted: row.isSmallSample };
    }),
    note: [table.isLastPeriodPartial ? t('metrics.cohorts.partial', { unit: t(table.unit === 'week' ? 'metrics.curves.week' : 'metrics.curves.month'), date: format.calendarDate(formatEpochDay(table.asOfDay - 1)) }) : '', t('metrics.cohorts.small')].filter(Boolean).join(' · '),
  };
}

function curveImage(kind: CurveKind, context: ExportContext): { title: string; summary: string; image: string } {
  const { dashboard, format, t } = context;
  const unit = dashboard.cohorts.unit;
  const formatValue = kind === 'retention' ? format.percent : format.money;
  const config = curveConfig({ kind, average: dashboard.cohorts.average, periodLabel: (k) => periodLabelOf(t, unit, k), formatValue, seriesName: t(`metrics.curves.${kind}`) }, false);
  return { title: t(`metrics.curves.${kind}`), summary: curveSummary(kind, dashboard, format, t), image: chartImage(config, 720, 300) };
}

/** One sentence on a curve: the figure that matters (retention in period 1, LTV at the last complete period). */
export function curveSummary(kind: CurveKind, dashboard: MetricsDashboard, format: MetricsFormat, t: TFunction): string {
  const { average, unit } = dashboard.cohorts;
  if (kind === 'retention') {
    const value = average.retention[1];
    return value === null || value === undefined ? '—' : t('metrics.curves.retentionSummary', { value: format.percent(value), period: periodLabelOf(t, unit, 1) });
  }
  let last = average.ltv.length - 1;
  while (last >= 0 && average.ltv[last] === null) last--;
  return last < 0 ? '—' : t('metrics.curves.ltvSummary', { value: format.money(average.ltv[last]!), period: periodLabelOf(t, unit, last) });
}

export function dashboardDocument(context: ExportContext, language: 'ru' | 'en', periodText: string): DashboardDocument {
  const { dashboard, cut, format, t } = context;
  const tables: DashboardTable[] = [totalsTable(context)];
  if (cut) {
    const rows = cutRows(cut.totals, cut.labels, format);
    tables.push({
      title: `${t('metrics.cuts.title')}: ${cut.name}`,
      header: [t('metrics.cuts.group'), ...CUT_COLUMNS.map((column) => t(`metrics.cuts.${column}`))],
      rows: rows.map((row) => ({ cells: [row.label.name, ...CUT_COLUMNS.map((column) => row.cells[column].text)] })),
    });
  }
  tables.push(cohortDashboardTable(dashboard.cohorts, 'retention', format, t), cohortDashboardTable(dashboard.cohorts, 'ltv', format, t));
  const hasCurves = dashboard.cohorts.average.customers.some((customers) => customers > 0);
  return {
    language,
    title: t('metrics.export.title', { workspace: context.workspaceName }),
    subtitle: t('metrics.export.generated', { date: format.calendarDate(formatEpochDay(dashboard.asOfDay)), period: periodText, zone: context.timeZone }),
    notes: context.scopeNote ? [context.scopeNote] : [],
    figures: headlineFigures(dashboard, format, context.churnDays, points(t)).map((figure) => ({
      label: t(`metrics.cards.${figure.figure}`),
      value: figure.value,
      detail: t(`metrics.cards.${figure.figure}Detail`, figure.detailParams),
      small: figure.isSmallSample && figure.denominator !== null ? t('metrics.cards.small', { n: figure.denominator }) : undefined,
      changes: figure.changes.map((change) => `${change.text ?? t('metrics.cards.noComparison')} ${t(change.shift === 'year' ? 'metrics.cards.vsYear' : 'metrics.cards.vsQuarter')}`),
    })),
    charts: hasCurves ? [curveImage('retention', context), curveImage('ltv', context)] : [],
    tables,
    footer: t('metrics.export.footer'),
  };
}
