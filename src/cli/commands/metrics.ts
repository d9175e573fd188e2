import { resolve } from 'node:path';
import type { Command } from 'commander';
import { indexColumnCustomers, ORDER_EVENT, RETURN_EVENT, type EventBlock, type ImportedColumns } from '../../domain';
import { attributionPropRank, compileCrmMapping, defaultCrmChannelMapping, metricsJson, type MetricsJson } from '../../domain/metrics';
import type { CalendarUnit } from '../../domain/time';
import { NO_CACHE, quietContext, type Dataset } from '../../engine';
import { createMetricsHandlers } from '../../engine/metrics/metricsHandlers';
import { fileError } from '../cliErrors';
import type { CliCommand } from '../command';
import { metricsText } from '../metricsText';
import { choice, dateOption, integerOption, timeZoneOption } from '../options';
import { createProgress, warn, writeJson, type CliIo } from '../output';
import { readEventColumnsFromFile } from '../readRecords';

/**
 * `chainlab metrics` (cli.md "metrics"): the base's totals and the cohort table of metrics.md
 * from an orders file (and the returns of an events file), with the same domain code as the
 * Metrics screen (the engine's metrics use case). Extras beyond the contract: `--churn-days` (T3), and extra JSON fields.
 *
 * Decisions where cli.md is silent:
 * - the default as-of date is the day after the last order, so every order counts;
 * - `--events` contributes its returns; order events in it are not counted (the orders come
 *   from `--orders`, and counting both would count an order twice) — a warning says how many;
 * - with `--cohort week` cohorts are ISO weeks and are followed week by week.
 */
interface MetricsFlags {
  orders: string;
  events?: string;
  asOf?: string;
  cohort: CalendarUnit;
  tz: string;
  churnDays: number;
  json?: boolean;
}

export const metricsCommand: CliCommand = {
  name: 'metrics',
  register(program: Command, io: CliIo) {
    program
      .command('metrics')
      .summary('cohorts, retention, LTV and the base totals from an orders CSV file')
      .description(
        'The figures of a CRM dashboard, as of a date (everything before that day\n' +
          'counts): buyers, orders, gross and net revenue (returns taken off), AOV,\n' +
          'purchase frequency, repeat purchase rate, ARPU, churned share (last order more\n' +
          'than --churn-days days before the date), the share of revenue from CRM channels\n' +
          'when the orders carry utm_source / source / campaign; and the cohort table:\n' +
          'customers by the month (or ISO week) of their first order, retention[k] = share\n' +
          'of them ordering in month k, ltv[k] = their net revenue in months 0 … k per\n' +
          'customer. The last month is partial unless the date is the first of a month.\n' +
          'Orders without an amount are not orders.',
      )
      .requiredOption('--orders <file>', 'orders CSV (any delimiter and encoding the importer reads)')
      .option('--events <file>', 'events CSV whose returns are taken off net revenue')
      .option('--as-of <date>', 'the date YYYY-MM-DD to compute for (default: the day after the last order)', dateOption)
      .option('--cohort <unit>', 'month or week (ISO weeks, Monday first)', choice(['month', 'week'] as const), 'month')
      .option('--tz <zone>', 'IANA time zone of day and month boundaries and of local times in the files', timeZoneOption, 'UTC')
      .option('--churn-days <n>', 'T3: a buyer whose last order is more days than this before the date is churned', integerOption(1, 3650), 365)
      .option('--json', 'print one JSON document')
      .addHelpText('after', '\nExamples:\n  chainlab metrics --orders orders.csv --json\n  chainlab metrics --orders orders.csv --events events.csv --as-of 2026-06-01 --cohort week --tz Europe/Moscow')
      .action((flags: MetricsFlags) => runMetrics(flags, io));
  },
};

const ATTRIBUTION = compileCrmMapping(defaultCrmChannelMapping());

function isAttributionProp(key: string): boolean {
  return attributionPropRank(ATTRIBUTION, key) >= 0;
}

async function readFile(path: string, kind: 'orders' | 'events', tz: string, io: CliIo): Promise<ImportedColumns> {
  let progress: ReturnType<typeof createProgress> | undefined;
  const records = await readEventColumnsFromFile(resolve(path), { kind, ordersMayBeLines: kind === 'orders', timeZone: tz }, {
    onProgress: (done, total) => {
      progress ??= createProgress(io, `reading ${path}`, total);
      progress.update(done);
    },
    keepsProp: isAttributionProp,
  });
  progress?.finish();
  return records;
}

function rejectedNote(path: string, records: ImportedColumns): string {
  return `${records.report.rejected} of ${records.report.read} rows rejected (chainlab import ${path} --kind ${records.report.kind} shows why)`;
}

/** A file's events as one block over the shared customer numbering; `keep(type)` says which types count. */
function fileBlock(records: ImportedColumns, ids: string[], indexOf: Map<string, number>, typeIndex: (type: string) => number): EventBlock {
  const { events } = records;
  const codes = Uint16Array.from(events.types, typeIndex);
  const type = new Uint16Array(events.count);
  for (let i = 0; i < events.count; i++) type[i] = codes[events.type[i]!]!;
  return { count: events.count, ts: events.ts, amount: events.amount, customer: indexColumnCustomers(records, ids, indexOf), type, props: events.props };
}

/** Types of the blocks: 0 order, 1 return, 2 anything else (an events file's orders included). */
const BLOCK_TYPES = [ORDER_EVENT, RETURN_EVENT, 'other'];

/**
 * The files as the engine's dataset: read as columns (only the attribution props kept), one
 * block per file over a shared customer numbering. Not `createFilePort`'s record path: a million
 * orders as columns cost a fraction of the time and memory, and metrics need no other prop.
 */
export async function metricsDatasetFromFiles(flags: Pick<MetricsFlags, 'orders' | 'events' | 'tz'>, io: CliIo): Promise<Dataset> {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const orders = await readFile(flags.orders, 'orders', flags.tz, io);
  const read: [string, ImportedColumns][] = [[flags.orders, orders]];
  const events: EventBlock[] = [fileBlock(orders, ids, indexOf, (type) => (type === ORDER_EVENT ? 0 : type === RETURN_EVENT ? 1 : 2))];
  if (flags.events) {
    const file = await readFile(flags.events, 'events', flags.tz, io);
    read.push([flags.events, file]);
    const orderType = file.events.types.indexOf(ORDER_EVENT);
    let ignored = 0;
    for (let i = 0; i < file.events.count && orderType >= 0; i++) if (file.events.type[i] === orderType) ignored++;
    if (ignored > 0) warn(io, `${flags.events}: ${ignored} order events not counted (orders are read from --orders; counting both would count them twice)`);
    events.push(fileBlock(file, ids, indexOf, (type) => (type === RETURN_EVENT ? 1 : 2)));
  }
  if (!hasOrderWithAmount(events[0]!)) {
    const rejected = orders.report.rejected > 0 ? `: ${rejectedNote(flags.orders, orders)}` : '';
    throw fileError(flags.orders, `no orders with an amount could be read from it${rejected}`);
  }
  for (const [path, records] of read) if (records.report.rejected > 0) warn(io, `${path}: ${rejectedNote(path, records)}`);
  return { customers: [], events, eventTypes: BLOCK_TYPES };
}

function hasOrderWithAmount(block: EventBlock): boolean {
  for (let i = 0; i < block.count; i++) if (block.type[i] === 0 && !Number.isNaN(block.amount[i]!)) return true;
  return false;
}

/** The figures of cli.md "metrics", computed by the engine's metrics use case over the files. */
export async function computeMetricsFromFiles(flags: MetricsFlags, io: CliIo): Promise<MetricsJson> {
  const dataset = await metricsDatasetFromFiles(flags, io);
  const handlers = createMetricsHandlers({ loadDataset: async () => dataset, loadCustomers: async () => [], cache: NO_CACHE });
  const summary = await handlers.metricsSummary(
    { workspaceId: 'files', dataVersion: 0, timeZone: flags.tz, asOf: flags.asOf ?? null, period: 'all', unit: flags.cohort, churnDays: flags.churnDays, crmMapping: defaultCrmChannelMapping(), scope: null },
    quietContext(),
  );
  const dashboard = summary.dashboard!;
  if (dashboard.ordersWithoutAmount > 0) warn(io, `${dashboard.ordersWithoutAmount} order events without an amount are not counted as orders`);
  if (dashboard.asOfDay <= dashboard.firstOrderDay) warn(io, `no order is dated before ${summary.asOf}: every figure is empty`);
  return metricsJson({ totals: dashboard.totals, cohorts: dashboard.cohorts, timeZone: flags.tz, churnDays: flags.churnDays, ordersWithoutAmount: dashboard.ordersWithoutAmount });
}

async function runMetrics(flags: MetricsFlags, io: CliIo): Promise<void> {
  const json = await computeMetricsFromFiles(flags, io);
  if (flags.json) writeJson(io, json);
  else io.writeOut(metricsText(json));
}
