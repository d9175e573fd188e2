import { InvalidArgumentError, type Command } from 'commander';
import { defaultLifecycleSettings, defaultStageMapping, LIFECYCLE_STATUSES, parseLifecycleSettings, type LifecycleSettings, type StagesSummary } from '../../domain/journey';
import { stagesOf } from '../../engine/journey/journeyStages';
import { fileError, usageError } from '../cliErrors';
import { addReadingOptions, plausibleWindowOf, readingSettings, type ReadingFlags } from '../readingOptions';
import type { CliCommand } from '../command';
import { createFilePort, type DatasetFile } from '../filePort';
import { dateOption, timeZoneOption } from '../options';
import { writeJson, type CliIo } from '../output';
import { textTable } from '../textTable';

/**
 * `chainlab stages`: the journey funnel and lifecycle counts over CSV files (cli.md "stages"),
 * with the app's default stage mapping and the Journey screen's engine code
 * (engine/journey/journeyStages.ts) over the files (filePort.ts). An orders
 * file alone is enough (first order = Purchase, second = Retention, the first known event =
 * Awareness). Extras beyond the contract: `--tz` (day boundaries and local times in the files),
 * `--thresholds` and `--relative-risk` for the lifecycle rules, and extra JSON fields.
 */
interface StagesFlags extends ReadingFlags {
  events?: string;
  orders?: string;
  asOf?: string;
  tz: string;
  thresholds?: LifecycleSettings;
  relativeRisk?: boolean;
  json?: boolean;
}

function thresholdsOption(value: string): LifecycleSettings {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length !== 4 || parts.some((part) => !/^\d+$/.test(part))) throw new InvalidArgumentError('expected four whole numbers of days "N,T1,T2,T3", e.g. 30,90,180,365.');
  const [newDays, activeDays, atRiskDays, lapsedDays] = parts.map(Number) as [number, number, number, number];
  const parsed = parseLifecycleSettings({ ...defaultLifecycleSettings(), newDays, activeDays, atRiskDays, lapsedDays });
  if (!parsed.ok) throw new InvalidArgumentError(parsed.error);
  return parsed.value;
}

export const stagesCommand: CliCommand = {
  name: 'stages',
  register(program: Command, io: CliIo) {
    const command = program
      .command('stages')
      .summary('journey-stage funnel and lifecycle counts from orders and/or events CSV files')
      .description(
        'Place every customer in the journey stages Awareness, Interest, Consideration,\n' +
          'Purchase, Retention and Advocacy (the default mapping of the app) and in a\n' +
          'lifecycle status (prospect, new, active, at risk, lapsed, churned), as of a\n' +
          'date: everything before that day counts, nothing after it. An orders file alone\n' +
          'is enough: the first order is Purchase, the second Retention; returns are not\n' +
          'orders.\n\n' +
          'reached  = customers whose furthest stage is this one or a later one\n' +
          'furthest = customers whose furthest stage is this one\n' +
          'median days from previous = from first reaching the previous stage to first\n' +
          'reaching this one, over customers who reached both in that order.',
      )
      .option('--events <file>', 'events CSV (page views, carts, e-mail opens, reviews …; orders in it count too)')
      .option('--orders <file>', 'orders CSV')
      .option('--as-of <date>', 'the date YYYY-MM-DD to compute for (default: the day after the last event inside the plausible dates)', dateOption)
      .option('--tz <zone>', 'IANA time zone of day boundaries and of local times in the files', timeZoneOption, 'UTC')
      .option('--thresholds <N,T1,T2,T3>', 'lifecycle thresholds in days: new within N, active within T1, at risk to T2, lapsed to T3 (default 30,90,180,365)', thresholdsOption)
      .option('--relative-risk', 'also at risk once the days since the last order exceed 1.5 × the customer’s average gap')
      .option('--json', 'print one JSON document');
    addReadingOptions(command)
      .addHelpText('after', '\nExamples:\n  chainlab stages --orders orders.csv --json\n  chainlab stages --orders orders.csv --events events.csv --as-of 2026-06-01 --tz Europe/Moscow')
      .action((flags: StagesFlags) => runStages(flags, io));
  },
};

export async function computeStagesFromFiles(flags: StagesFlags, io: CliIo): Promise<StagesSummary> {
  if (!flags.events && !flags.orders) throw usageError('stages: give --orders FILE, --events FILE or both');
  const files: DatasetFile[] = [
    ...(flags.orders ? [{ path: flags.orders, kind: 'orders' as const }] : []),
    ...(flags.events ? [{ path: flags.events, kind: 'events' as const }] : []),
  ];
  const dataset = await createFilePort(files, { timeZone: flags.tz, ...readingSettings(flags) }, io).loadDataset('files');
  const lifecycle = flags.thresholds ?? defaultLifecycleSettings();
  if (flags.relativeRisk) lifecycle.relativeRule = { isEnabled: true, multiplier: 1.5 };
  const summary = stagesOf(dataset, { mapping: defaultStageMapping(), lifecycle }, flags.tz, flags.asOf ?? null, plausibleWindowOf(flags));
  // Every file holds at least one event (filePort.ts): without a default date, all of them are outside the plausible dates.
  if (!summary) throw fileError(files.map((file) => file.path).join(', '), 'every event is dated outside the plausible dates; give --as-of or --plausible-dates');
  return summary;
}

async function runStages(flags: StagesFlags, io: CliIo): Promise<void> {
  const summary = await computeStagesFromFiles(flags, io);
  if (flags.json) writeJson(io, summary);
  else io.writeOut(stagesTable(summary));
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function days(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** The readable form: the funnel, then the lifecycle counts. */
export function stagesTable(summary: StagesSummary): string {
  const funnel = [
    ['stage', 'reached', 'furthest', 'conversion', 'median days', 'IQR days'],
    ...summary.funnel.map((stage) => [
      stage.stage,
      String(stage.reached),
      String(stage.furthest),
      percent(stage.conversionFromPrevious),
      days(stage.medianDaysFromPrevious),
      stage.q1DaysFromPrevious === null ? '—' : `${days(stage.q1DaysFromPrevious)}–${days(stage.q3DaysFromPrevious)}`,
    ]),
  ];
  const total = LIFECYCLE_STATUSES.reduce((sum, status) => sum + summary.lifecycle[status], 0);
  const lifecycle = [
    ['status', 'customers', 'share'],
    ...LIFECYCLE_STATUSES.map((status) => [status, String(summary.lifecycle[status]), percent(total ? summary.lifecycle[status] / total : null)]),
  ];
  const lines = [
    `Journey stages as of ${summary.asOf} (${summary.timeZone}): ${summary.customers} customers`,
    '',
    textTable(funnel),
    '',
    'median days = from first reaching the previous stage to first reaching this one',
    ...(summary.withoutStage ? [`${summary.withoutStage} customers are in no stage`] : []),
    '',
    'Lifecycle',
    textTable(lifecycle),
    '',
  ];
  return lines.join('\n');
}
