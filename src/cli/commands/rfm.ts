import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { UserFacingError } from '../../domain';
import {
  assignSegments,
  sortByCustomerId,
  compileSegmentMap,
  DEFAULT_RFM_PERIOD_DAYS,
  NO_PURCHASES_NAME,
  OTHERS_NAME,
  parseManualBreaks,
  presetSegmentMap,
  rfmCsvHeader,
  rfmCsvRow,
  segmentTotals,
  validateScoring,
  type RfmLevels,
  type RfmManualBreaks,
  type RfmMethod,
  type RfmMonetaryMode,
  type RfmResult,
  type RfmScoring,
  type SegmentMap,
  type SegmentMapPreset,
} from '../../domain/rfm';
import { formatEpochDay } from '../../domain/time';
import { rfmBlockFromColumns, rfmMeta, scoreRfm } from '../../engine/rfm/rfmScores';
import { fileError, usageError } from '../cliErrors';
import type { CliCommand } from '../command';
import { LineWriter, refuseClobbering } from '../fileOutput';
import { addReadingOptions, plausibleWindowOf, readingSettings, type ReadingFlags } from '../readingOptions';
import { choice, dateOption, timeZoneOption } from '../options';
import { createProgress, warn, writeJson, type CliIo } from '../output';
import { readEventColumnsFromFile } from '../readRecords';
import { rfmSummaryText } from '../rfmText';

/**
 * `chainlab rfm` (cli.md "rfm"): RFM scores and segments of every customer of an orders file,
 * with the same domain code as the Segments screen. Extras beyond the contract: `--tz` (the zone
 * of day boundaries and of local times in the file) and extra JSON fields.
 *
 * Decisions where cli.md is silent:
 * - the period defaults to 365 days, except with `--map rfm-package`, where it defaults to all
 *   history — the R package has no period, and that map is chosen to compare with it;
 * - `--breaks` implies `--method manual`, and the levels follow the number of cut points;
 * - one CSV row per customer of the file, including those without an order in the period
 *   (segment "No purchases", empty scores); rows sorted by customer id as a person sorts them.
 */
interface RfmFlags extends ReadingFlags {
  orders: string;
  asOf?: string;
  periodDays?: number | 'all';
  levels?: RfmLevels;
  method?: RfmMethod;
  breaks?: RfmManualBreaks;
  monetary: RfmMonetaryMode;
  map: SegmentMapPreset;
  tz: string;
  out?: string;
  json?: boolean;
}

/** A number of days, or 'all' (commander turns a parser's null into ''). */
function periodOption(value: string): number | 'all' {
  const text = value.trim().toLowerCase();
  if (text === 'all') return 'all';
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > 36_500) throw new InvalidArgumentError('expected a whole number of days from 1 to 36500, or "all".');
  return days;
}

function breaksOption(value: string): RfmManualBreaks {
  try {
    return parseManualBreaks(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

export const rfmCommand: CliCommand = {
  name: 'rfm',
  register(program: Command, io: CliIo) {
    const command = program
      .command('rfm')
      .summary('RFM scores and segments of every customer of an orders CSV file')
      .description(
        'Score every customer by recency (days from the last order to the analysis date),\n' +
          'frequency (orders; returns do not count) and monetary value (net of returns, or\n' +
          'the average order) over the analysis period, and place them in segments.\n\n' +
          'Methods: quantile = the breaks of the R package rfm v0.3 (quantile + 1, so the\n' +
          'output matches it row for row); ntile = equal-size groups like SQL NTILE;\n' +
          'manual = your cut points (--breaks), a value equal to a cut point in the lower\n' +
          'band.\n' +
          'Customers without an order in the period are "No purchases" and get no scores.',
      )
      .requiredOption('--orders <file>', 'orders CSV (any delimiter and encoding the importer reads)')
      .option('--as-of <date>', 'analysis date YYYY-MM-DD (default: the day after the last order inside the plausible dates)', dateOption)
      .option('--period-days <n|all>', 'days in the period, ending on the analysis date, or "all" (default: 365; all with --map rfm-package)', periodOption)
      .option('--levels <n>', 'scores per measure: 3, 4 or 5 (default 5, or the number of cut points + 1)', choice([3, 4, 5] as const, Number as (text: string) => RfmLevels))
      .option('--method <method>', 'quantile, ntile or manual (default quantile; manual with --breaks)', choice(['quantile', 'ntile', 'manual'] as const))
      .option('--breaks <cuts>', 'manual cut points, e.g. "R:7,30,90;F:1,2,4;M:1000,5000,20000"', breaksOption)
      .option('--monetary <mode>', 'total (net spend) or average (average order)', choice(['total', 'average'] as const), 'total')
      .option('--map <map>', 'segment map: grid (R × FM) or rfm-package (the R package\'s names and rules)', choice(['grid', 'rfm-package'] as const), 'grid')
      .option('--tz <zone>', 'IANA time zone of day boundaries and of local times in the file', timeZoneOption, 'UTC')
      .option('--out <file>', 'write one CSV row per customer (columns of the R package\'s rfm_segment)')
      .option('--json', 'print one JSON document');
    addReadingOptions(command)
      .addHelpText(
        'after',
        '\nCSV columns: customer_id,segment,rfm_score,transaction_count,recency_days,amount,\n' +
          '             recency_score,frequency_score,monetary_score\n' +
          '\nExamples:\n' +
          '  chainlab rfm --orders orders.csv --out rfm.csv\n' +
          '  chainlab rfm --orders rfm_data_orders.csv --as-of 2006-12-31 --map rfm-package --out rfm.csv\n' +
          '  chainlab rfm --orders orders.csv --breaks "R:7,30,90;F:1,2,4;M:1000,5000,20000" --json',
      )
      .action((flags: RfmFlags) => runRfm(flags, io));
  },
};

/** The scoring the flags ask for; contradictions are usage errors. */
export function scoringFromFlags(flags: Pick<RfmFlags, 'levels' | 'method' | 'breaks' | 'monetary'>): RfmScoring {
  const method = flags.method ?? (flags.breaks ? 'manual' : 'quantile');
  if (flags.breaks && method !== 'manual') throw usageError(`--breaks is for --method manual, not ${method}`);
  if (method === 'manual' && !flags.breaks) throw usageError('--method manual needs --breaks "R:…;F:…;M:…"');
  const levels = flags.levels ?? (flags.breaks ? ((flags.breaks.recency.length + 1) as RfmLevels) : 5);
  const scoring: RfmScoring = { levels, method, monetary: flags.monetary };
  if (flags.breaks) scoring.manualBreaks = flags.breaks;
  try {
    validateScoring(scoring);
  } catch (error) {
    if (error instanceof UserFacingError) throw usageError(`--breaks: ${error.message}`);
    throw error;
  }
  return scoring;
}

export interface RfmFromFile {
  result: RfmResult;
  customerIds: string[];
  map: SegmentMap;
  codes: Uint16Array;
}

export async function computeRfmFromFile(flags: RfmFlags, io: CliIo): Promise<RfmFromFile> {
  const scoring = scoringFromFlags(flags);
  let progress: ReturnType<typeof createProgress> | undefined;
  const records = await readEventColumnsFromFile(resolve(flags.orders), { kind: 'orders', ordersMayBeLines: true, timeZone: flags.tz, ...readingSettings(flags) }, {
    onProgress: (done, total) => {
      progress ??= createProgress(io, `reading ${flags.orders}`, total);
      progress.update(done);
    },
  });
  progress?.finish();
  const { report } = records;
  if (report.rejected > 0) warn(io, `${flags.orders}: ${report.rejected} of ${report.read} rows rejected (chainlab import ${flags.orders} --kind ${report.kind} shows why)`);
  const { block, customerIds } = rfmBlockFromColumns(records);
  const meta = rfmMeta(block, flags.tz, plausibleWindowOf(flags));
  if (Number.isNaN(meta.lastOrderDay) && !flags.asOf) throw fileError(flags.orders, meta.outsideOrders ? `all its ${meta.outsideOrders} orders are dated outside the plausible dates; give --as-of or --plausible-dates` : 'no orders could be read from it');
  if (meta.outsideOrders && !flags.asOf) warn(io, `${flags.orders}: ${meta.outsideOrders} orders dated outside the plausible dates are left out of the default analysis date`);
  const periodDays = flags.periodDays === 'all' ? null : flags.periodDays ?? (flags.map === 'rfm-package' ? null : DEFAULT_RFM_PERIOD_DAYS);
  const result = scoreRfm({ block, customerCount: customerIds.length }, meta, flags.tz, { ...scoring, asOf: flags.asOf ?? null, periodDays });
  const { asOfDay } = result.params;
  if (result.scored === 0) warn(io, `no customer ordered between ${periodStart(asOfDay, periodDays)} and ${formatEpochDay(asOfDay)}: nobody is scored`);
  const map = presetSegmentMap(flags.map, scoring.levels, 'en');
  return { result, customerIds, map, codes: assignSegments(result, compileSegmentMap(map)) };
}

function periodStart(asOfDay: number, periodDays: number | null): string {
  return periodDays === null ? 'the first order' : formatEpochDay(asOfDay - periodDays + 1);
}

function segmentNames(map: SegmentMap): string[] {
  return [...map.segments.map((segment) => segment.name), OTHERS_NAME.en, NO_PURCHASES_NAME.en];
}

/** Same rounding as the CSV: 15 significant digits, so JSON totals read like R's. */
function round15(value: number): number {
  return Number(value.toPrecision(15));
}

export function rfmJson(data: RfmFromFile) {
  const { result, map, codes } = data;
  const names = segmentNames(map);
  const totals = segmentTotals(result, codes, map.segments.length);
  return {
    asOf: formatEpochDay(result.params.asOfDay),
    customers: result.customerCount,
    // rounded like the CSV (15 significant digits): 5.4, not 5.3999999999999995
    breaks: { recency: result.breaks.recency.cuts.map(round15), frequency: result.breaks.frequency.cuts.map(round15), monetary: result.breaks.monetary.cuts.map(round15) },
    segments: totals.map((total) => ({ segment: names[total.code]!, customers: total.customers, revenue: round15(total.revenue), orders: total.orders })),
    scored: result.scored,
    noPurchases: result.customerCount - result.scored,
    periodDays: result.params.periodDays,
    levels: result.params.levels,
    method: result.params.method,
    monetary: result.params.monetary,
    map: map.preset,
    emptyScores: Object.fromEntries(
      (['recency', 'frequency', 'monetary'] as const).map((measure) => [
        measure,
        result.breaks[measure].bins.filter((bin) => bin.empty !== null).map((bin) => ({ score: bin.score, reason: bin.empty })),
      ]),
    ),
  };
}

const CSV_BATCH_ROWS = 2_048;

export async function writeRfmCsv(path: string, data: RfmFromFile): Promise<void> {
  const { result, customerIds, codes } = data;
  const names = segmentNames(data.map);
  const order = sortByCustomerId(Array.from({ length: result.customerCount }, (_, c) => c), (c) => customerIds[c]!);
  const options = { customerId: (c: number) => customerIds[c]!, segmentName: (c: number) => names[codes[c]!]! };
  const writer = new LineWriter(path);
  try {
    writer.writeLine(rfmCsvHeader());
    // lines encoded a batch at a time: one native call per batch instead of one per customer
    for (let start = 0; start < order.length; start += CSV_BATCH_ROWS) {
      const end = Math.min(order.length, start + CSV_BATCH_ROWS);
      const lines: string[] = [];
      for (let i = start; i < end; i++) lines.push(rfmCsvRow(result, order[i]!, options));
      writer.writeLines(lines);
      if (writer.isFull) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
}

async function runRfm(flags: RfmFlags, io: CliIo): Promise<void> {
  refuseClobbering([flags.orders], { '--out': flags.out });
  const data = await computeRfmFromFile(flags, io);
  if (flags.out) await writeRfmCsv(resolve(flags.out), data);
  const json = rfmJson(data);
  if (flags.json) writeJson(io, json);
  else io.writeOut(rfmSummaryText(json, flags.out ? resolve(flags.out) : undefined));
}
