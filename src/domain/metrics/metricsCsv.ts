import { csvText, type CsvValue } from '../csv';
import type { CohortTable } from './cohorts';

/**
 * CSV of the dashboard's tables (the "cheap dashboard" of §7.3 a trainer hands out): one file
 * per table, headers in the interface language, numbers unrounded so a spreadsheet can
 * recompute, text neutralised against formulas.
 */
export type CohortView = 'retention' | 'ltv' | 'retained';

export interface CohortCsvLabels {
  cohort: string;
  startDate: string;
  customers: string;
  /** the column of period k, e.g. k => `M${k}` */
  period(k: number): string;
  partial: string;
}

/** One row per cohort: its label, first day, customers, then cell k = 0 … (empty where the cohort has not reached k). */
export function cohortTableCsv(table: CohortTable, view: CohortView, labels: CohortCsvLabels): string {
  const width = table.cohorts.reduce((max, row) => Math.max(max, row.retention.length), 0);
  const header: CsvValue[] = [labels.cohort, labels.startDate, labels.customers];
  for (let k = 0; k < width; k++) header.push(labels.period(k));
  header.push(labels.partial);
  const rows: CsvValue[][] = [header];
  for (const row of table.cohorts) {
    const cells = view === 'retention' ? row.retention : view === 'ltv' ? row.ltv : row.retained;
    const line: CsvValue[] = [row.cohort, row.startDate, row.customers];
    for (let k = 0; k < width; k++) line.push(cells[k] ?? null);
    line.push(row.partialLast ? labels.period(cells.length - 1) : '');
    rows.push(line);
  }
  return csvText(rows);
}

/** A table the screen already laid out (totals, cuts): header, then rows. */
export function plainTableCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvText([header, ...rows]);
}
