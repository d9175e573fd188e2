import type { MetricsJson } from '../domain/metrics';
import { textTable } from './textTable';

/** The readable summary `chainlab metrics` prints without --json: the totals, then retention and LTV by cohort. */
const SHOWN_PERIODS = 13;

function money(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function cohortRows(json: MetricsJson, cells: (row: MetricsJson['cohorts'][number]) => number[], format: (value: number) => string): string[][] {
  const width = Math.min(SHOWN_PERIODS, json.cohorts.reduce((max, row) => Math.max(max, row.retention.length), 0));
  const unit = json.cohortUnit === 'week' ? 'W' : 'M';
  const header = ['cohort', 'customers', ...Array.from({ length: width }, (_, k) => `${unit}${k}`)];
  return [
    header,
    ...json.cohorts.map((row) => {
      const values = cells(row);
      const shown = Array.from({ length: width }, (_, k) => (k < values.length ? format(values[k]!) + (row.partialLast && k === values.length - 1 ? '*' : '') : ''));
      return [row.cohort + (row.isSmallSample ? ' (n<30)' : ''), String(row.customers), ...shown];
    }),
  ];
}

export function metricsText(json: MetricsJson): string {
  const { totals } = json;
  const rows = [
    ['figure', 'value', 'of'],
    ['buyers', String(totals.buyers), ''],
    ['orders', String(totals.orders), ''],
    ['gross revenue', money(totals.grossRevenue), ''],
    ['net revenue', money(totals.netRevenue), `returns ${money(totals.returnedAmount)}`],
    ['AOV', money(totals.aov), `${totals.orders} orders`],
    ['purchase frequency', totals.purchaseFrequency === null ? '—' : totals.purchaseFrequency.toFixed(2), `${totals.buyers} buyers`],
    ['repeat purchase rate', percent(totals.repeatRate), `${totals.buyers} buyers`],
    ['ARPU', money(totals.arpu), `${totals.buyers} buyers`],
    ['churned share', percent(totals.churnedShare), `no order for > ${json.churnDays} days`],
    ...(totals.crm ? [['revenue from CRM channels', percent(totals.crm.shareOfRevenue), `${totals.crm.orders} orders (${percent(totals.crm.shareOfOrders)})`]] : []),
  ];
  const lastShown = Math.min(SHOWN_PERIODS, json.cohorts.reduce((max, row) => Math.max(max, row.retention.length), 0));
  return [
    `Metrics as of ${json.asOf} (${json.timeZone}): ${json.cohorts.length} ${json.cohortUnit} cohorts`,
    '',
    textTable(rows, (column) => column === 1),
    '',
    'Retention by cohort (share of the cohort ordering in that period; * partial period)',
    textTable(cohortRows(json, (row) => row.retention, (value) => `${Math.round(value * 100)}%`)),
    '',
    'Cumulative revenue per customer (historic LTV)',
    textTable(cohortRows(json, (row) => row.ltv, (value) => value.toFixed(0))),
    '',
    ...(lastShown === SHOWN_PERIODS ? [`first ${SHOWN_PERIODS} periods shown; --json gives every one`, ''] : []),
  ].join('\n');
}
