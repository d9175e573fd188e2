import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { parseChainFileText, validateChain, type Chain } from '../../domain/chains';
import { UserFacingError } from '../../domain/errors';
import {
  DEFAULT_PERIOD_DAYS,
  defaultSimulationSettings,
  describeRun,
  mergeShardReports,
  planSimulation,
  propsReadByChains,
  shardReport,
  simulationPeriod,
  simulationReport,
  type ShardPart,
  type SimulationReport,
  type SimulationSettings,
} from '../../domain/simulation';
import { formatEpochDay, isoDateToDayNumber } from '../../domain/time';
import { quietContext } from '../../engine/port';
import { inMemorySimulatePort } from '../../engine/simulate/datasetInfo';
import { simulateRun, simulationDefaults } from '../../engine/simulate/simulateRun';
import { fileError, usageError } from '../cliErrors';
import type { CliCommand } from '../command';
import { createFilePort, type DatasetFile } from '../filePort';
import { dateOption, integerOption, seedOption, timeZoneOption } from '../options';
import { createProgress, warn, writeJson, type CliIo } from '../output';
import { checkSameInputFiles, inputFilesOf } from '../inputFiles';
import { parseJsonText, withJsonPlace } from '../jsonText';
import { readTextFile } from '../readRecords';
import { defaultThreadCount, threadShardPool } from '../shardThreads';
import { simulationText } from '../simulateText';

/**
 * `chainlab simulate` (cli.md "simulate"): replay the files' history through chain files with the
 * app's engine (engine/simulate over the files), on worker threads; `--shard I/N` for one stable
 * hash shard of the customers and `--merge` to add the shards' outputs into the unsharded one.
 * Extras beyond the contract: `--tz` (the workspace zone: days, local times, quiet hours) and
 * `--margin` (for ROMI), and extra JSON fields (rates, ROMI, groups, inputs, basis, warnings).
 *
 * Decisions where cli.md is silent: the period defaults to the last 90 days of the data's
 * plausible span (`plausibleSpan`: rows dated 9999 or 1900 left out, and said on stderr), and
 * one end typed alone keeps the other's default (--from: to the data's last day; --to: the 90 days
 * ending on it); a chain file with parts that cannot be read, or that the
 * validator finds errors in, is refused (running what is left would give plausible but wrong
 * numbers); `--trace` of a customer the files do not have prints an empty trace and says so on
 * stderr.
 */
interface SimulateFlags {
  orders?: string;
  customers?: string;
  events?: string;
  chain: string[];
  from?: string;
  to?: string;
  seed: number;
  workers?: number;
  assumeReachable?: boolean;
  projection?: boolean;
  trace?: string;
  shard?: { index: number; count: number };
  merge?: string[];
  tz: string;
  margin: number;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function shardOption(value: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 100_000 || index >= count) throw new InvalidArgumentError('expected I/N with 0 ≤ I < N, e.g. 0/4.');
  return { index, count };
}

function marginOption(value: string): number {
  const number = Number(value.trim());
  if (!value.trim() || !Number.isFinite(number) || number <= 0 || number > 1) throw new InvalidArgumentError('expected a share above 0 and at most 1, e.g. 0.3.');
  return number;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  register(program: Command, io: CliIo) {
    program
      .command('simulate')
      .summary('replay the history of CSV files through chains; shards and their merge')
      .description(
        'Run chain files over the customers and events of CSV files as if the chains had\n' +
          'been live during the period: who would have entered, waited, been sent what or\n' +
          'suppressed and why, the goal events that followed (replayed: they happened\n' +
          'anyway) and, with --projection, responses drawn from per-channel rates. Every\n' +
          'figure is a sum over customers, so --shard I/N runs can go to separate processes\n' +
          'or machines and --merge adds their --json outputs into exactly what one run\n' +
          'prints.',
      )
      .option('--orders <file>', 'orders CSV (required unless --merge)')
      .option('--customers <file>', 'customers CSV (contacts, consents, birthdays …)')
      .option('--events <file>', 'events CSV (carts, views, e-mail events …)')
      .option('--chain <file>', 'a chain file (chainlab.chain JSON); repeat for several chains run together', collect, [])
      .option('--from <date>', 'first day YYYY-MM-DD (default: 90 days ending on --to, or on the last event)', dateOption)
      .option('--to <date>', 'last day YYYY-MM-DD (default: the day of the last event)', dateOption)
      .option('--seed <n>', 'seed of the control-group draws and the projection', seedOption, 42)
      .option('--workers <k>', 'worker threads (never changes the result; default: one per core)', integerOption(1, 256))
      .option('--assume-reachable', 'every customer has contact and consent on every channel (order exports carry none)')
      .option('--projection', 'draw opens, clicks, unsubscribes and orders from per-channel rates')
      .option('--trace <customerId>', 'print the ordered decisions for this customer')
      .option('--shard <I/N>', 'only the customers whose stable hash modulo N is I', shardOption)
      .option('--merge <part...>', 'add the --json outputs of all N shards of one run')
      .option('--tz <zone>', 'IANA time zone: days, local times, quiet hours, and local times in the files', timeZoneOption, 'UTC')
      .option('--margin <share>', 'share of revenue that is margin, for ROMI (default 1: ROMI on revenue)', marginOption, 1)
      .option('--json', 'print one JSON document')
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  chainlab simulate --orders orders.csv --chain abandoned-cart.json --assume-reachable --json\n' +
          '  chainlab simulate --orders o.csv --events e.csv --chain a.json --chain b.json --from 2026-01-01 --to 2026-03-31 --trace C-1042\n' +
          '  chainlab simulate --orders o.csv --chain a.json --shard 0/4 --json > part0.json   (… 1/4, 2/4, 3/4)\n' +
          '  chainlab simulate --merge part0.json part1.json part2.json part3.json --json',
      )
      .action((flags: SimulateFlags) => (flags.merge ? runMerge(flags, io) : runSimulate(flags, io)));
  },
};

function readChainFile(path: string): Chain {
  const text = readTextFile(path);
  const read = parseChainFileText(text);
  if (!read.ok) throw fileError(path, withJsonPlace(read.message.en, text));
  if (read.setAside.length) throw fileError(path, `part of the chain cannot be read, so it cannot be simulated: ${read.setAside[0]!.reason.en}`);
  const errors = validateChain(read.chain).filter((finding) => finding.severity === 'error');
  if (errors.length) throw fileError(path, `the chain cannot run as it is${errors[0]!.nodeId ? ` (node ${errors[0]!.nodeId})` : ''}: ${errors[0]!.message.en}${errors.length > 1 ? ` (and ${errors.length - 1} more: chainlab validate ${path})` : ''}`);
  return read.chain;
}

function checkChains(chains: readonly Chain[], paths: readonly string[]): void {
  chains.forEach((chain, index) => {
    const earlier = chains.findIndex((other) => other.id === chain.id);
    if (earlier < index) throw usageError(`--chain ${paths[index]} and ${paths[earlier]} are the same chain (id "${chain.id}"): give each chain once`);
  });
}

/** `--to` alone: the default period's length (90 days), ending on it. */
function periodStartBefore(to: string): string {
  return formatEpochDay(isoDateToDayNumber(to) - DEFAULT_PERIOD_DAYS + 1);
}

/** A period typed on the command line is checked before any file is read: a mistake in it is a usage error (exit 2). */
function checkPeriod(from: string, to: string, timeZone: string): void {
  if (from > to) throw usageError(`simulate: --from ${from} is after --to ${to}`);
  try {
    simulationPeriod({ from, to, timeZone });
  } catch (error) {
    if (error instanceof UserFacingError) throw usageError(`simulate: --from ${from} --to ${to}: ${error.message}`);
    throw error;
  }
}

export async function simulateFiles(flags: SimulateFlags, io: CliIo): Promise<SimulationReport> {
  if (!flags.orders) throw usageError('simulate: --orders FILE is required (or --merge PART.json …)');
  if (!flags.chain.length) throw usageError('simulate: give at least one --chain FILE');
  const chains = flags.chain.map(readChainFile);
  checkChains(chains, flags.chain);
  const typedFrom = flags.from ?? (flags.to ? periodStartBefore(flags.to) : undefined);
  if (typedFrom && flags.to) checkPeriod(typedFrom, flags.to, flags.tz);
  const files: DatasetFile[] = [
    { path: flags.orders, kind: 'orders' },
    ...(flags.customers ? [{ path: flags.customers, kind: 'customers' as const }] : []),
    ...(flags.events ? [{ path: flags.events, kind: 'events' as const }] : []),
  ];
  // only the props the chains can read are kept: every other column of a big file costs time and memory for nothing
  const readProps = propsReadByChains(chains);
  const port = inMemorySimulatePort(createFilePort(files, { timeZone: flags.tz }, io, (key) => readProps.has(key)), flags.tz, { dataVersion: 0, batchIds: files.map((file) => file.path) });
  const defaults = await simulationDefaults(port, 'files');
  const from = typedFrom ?? defaults.period?.from;
  const to = flags.to ?? defaults.period?.to;
  if (!from || !to) throw usageError('simulate: the files have no plausible date to end the period on: give --to (and --from)');
  if (flags.from && !flags.to) {
    if (from > to) throw usageError(`simulate: --from ${from} is after the last day of the data, ${to}: give --to too`);
    checkPeriod(from, to, flags.tz);
  }
  if (!flags.to && defaults.eventsOutside) warn(io, `${defaults.eventsOutside} ${defaults.eventsOutside === 1 ? 'row is' : 'rows are'} dated outside 1970-01-01 … tomorrow (a placeholder like 9999-12-31, or a typo): the default period ends on the last plausible date, ${to}`);
  const settings: SimulationSettings = { ...defaultSimulationSettings(from, to, flags.tz), seed: flags.seed, assumeReachable: Boolean(flags.assumeReachable), projection: Boolean(flags.projection), margin: flags.margin };
  const dataset = await port.loadDataset('files');
  const plan = planSimulation(chains, dataset.eventTypes, settings);
  for (const warning of plan.warnings) warn(io, warning);
  if (flags.trace !== undefined && !flags.shard && !dataset.customers.some((block) => block.id.includes(flags.trace!))) warn(io, `--trace: the files have no customer "${flags.trace}"; the trace is empty`);
  const workers = flags.workers ?? defaultThreadCount(defaults.customers);
  const progress = createProgress(io, 'simulating', defaults.customers);
  const context = { ...quietContext(), progress: (update: { done: number; phase?: string }) => update.phase === 'simulate' && progress.update(update.done) };
  const record = await simulateRun(port, threadShardPool(dataset, workers), { workspaceId: 'files', chains: chains.map((chain) => ({ chain, chainVersion: 0, savedVersionId: null })), settings, workers, shard: flags.shard ?? null, traceCustomerId: flags.trace ?? null, customerDays: false }, context, null);
  progress.finish();
  const run = describeRun(plan);
  // the files' digests go with the flags: --merge refuses shards of runs over other files
  const description = { ...run, inputs: { ...run.inputs, files: await inputFilesOf(files) } };
  const report = simulationReport(record.sums!, description, flags.trace !== undefined);
  return flags.shard ? shardReport(report, flags.shard) : report;
}

async function runSimulate(flags: SimulateFlags, io: CliIo): Promise<void> {
  const report = await simulateFiles(flags, io);
  if (flags.json) writeJson(io, report);
  else io.writeOut(simulationText(report));
}

function readPart(path: string): ShardPart {
  const parsed = parseJsonText(readTextFile(path));
  if (!parsed.ok) throw fileError(path, `not JSON (${parsed.reason}): give the --json outputs of chainlab simulate --shard`);
  return { name: path, value: parsed.value };
}

async function runMerge(flags: SimulateFlags, io: CliIo): Promise<void> {
  const others = (['orders', 'customers', 'events', 'from', 'to', 'workers', 'trace', 'shard'] as const).filter((key) => flags[key] !== undefined);
  if (others.length || flags.chain.length) throw usageError(`simulate --merge adds finished shard outputs; --${others.length ? others[0] : 'chain'} does not go with it`);
  // `--merge --json` (the parts forgotten): commander takes the flag as the option's value
  const flag = flags.merge!.find((part) => part.startsWith('--') && !existsSync(part));
  if (flag) throw usageError(`--merge: "${flag}" is a flag, not a shard output: give the parts after --merge (--merge part0.json part1.json … --json)`);
  const parts = flags.merge!.map(readPart);
  checkSameInputFiles(parts);
  const report = mergeShardReports(parts);
  if (flags.json) writeJson(io, report);
  else io.writeOut(simulationText(report));
}
