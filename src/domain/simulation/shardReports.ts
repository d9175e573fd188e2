import { UserFacingError } from '../errors';
import { describeRunOf, simulationReport, sumsFromReport, type RunDescription, type SimulationReport } from './report';
import { mergeSums } from './sums';

/**
 * `chainlab simulate --shard I/N` prints the report of its customers with `shard: { index,
 * count }`; `--merge` adds the N parts of one run back into the report the unsharded run prints.
 * The parts must be all the shards of one run — same chains and settings (the fingerprint),
 * period, seed and flags — each exactly once; anything else is refused with the reason, since a
 * sum over a wrong set of customers looks just as plausible as the right one. A part is also
 * printed again from what was read: if the bytes differ, it was edited or is not a part at all.
 */
export interface ShardPlace {
  index: number;
  count: number;
}

export type ShardReport = SimulationReport & { shard: ShardPlace };

export function shardReport(report: SimulationReport, shard: ShardPlace): ShardReport {
  return { ...report, shard };
}

export interface ShardPart {
  /** as the user named it (messages say which) */
  name: string;
  value: unknown;
}

function refuse(message: string): never {
  throw new UserFacingError('simulation.badMerge', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function shardOf(part: ShardPart): ShardPlace {
  const { value, name } = part;
  if (!isRecord(value) || !isRecord(value.period) || !Array.isArray(value.chains) || !isRecord(value.totals)) refuse(`${name} is not the --json output of chainlab simulate`);
  const shard = value.shard;
  if (!isRecord(shard)) refuse(`${name} is the output of a whole run, not of one shard (run chainlab simulate with --shard I/N --json)`);
  const { index, count } = shard;
  if (!Number.isInteger(count) || !Number.isInteger(index) || (count as number) < 1 || (index as number) < 0 || (index as number) >= (count as number)) refuse(`${name}: "shard" is not { "index": I, "count": N } with 0 ≤ I < N`);
  return { index: index as number, count: count as number };
}

function sameRun(a: RunDescription, b: RunDescription): string | null {
  if (JSON.stringify(a.period) !== JSON.stringify(b.period)) return `the periods differ (${a.period.from}…${a.period.to} and ${b.period.from}…${b.period.to})`;
  if (a.seed !== b.seed) return `the seeds differ (${a.seed} and ${b.seed})`;
  if (a.inputs.fingerprint !== b.inputs.fingerprint) return 'the chains or the settings differ (the fingerprints in "inputs" are not equal)';
  if (JSON.stringify(a.inputs) !== JSON.stringify(b.inputs)) return 'the flags differ ("inputs" are not equal)';
  if (JSON.stringify(a.warnings) !== JSON.stringify(b.warnings)) return 'the runs warned differently';
  return null;
}

/** The report of the whole run from the reports of all its shards (any order). */
export function mergeShardReports(parts: readonly ShardPart[]): SimulationReport {
  if (!parts.length) refuse('nothing to merge: give the --json outputs of every shard');
  const placed = parts.map((part) => ({ part, shard: shardOf(part), report: part.value as ShardReport }));
  const count = placed[0]!.shard.count;
  for (const { part, shard } of placed) if (shard.count !== count) refuse(`${part.name} is shard ${shard.index}/${shard.count}, but ${placed[0]!.part.name} is of ${count} shards`);
  placed.sort((a, b) => a.shard.index - b.shard.index);
  for (let index = 0; index < placed.length; index++) {
    if (placed[index]!.shard.index < index) refuse(`shard ${index - 1}/${count} is given twice (${placed[index - 1]!.part.name} and ${placed[index]!.part.name})`);
    if (placed[index]!.shard.index > index) refuse(`shard ${index}/${count} is missing: all ${count} shards of the run are needed`);
  }
  if (placed.length < count) refuse(`shard ${placed.length}/${count} is missing: all ${count} shards of the run are needed`);
  const description = describeRunOf(placed[0]!.report);
  const hasTrace = 'trace' in placed[0]!.report;
  const sums = placed.map(({ part, report }) => {
    const difference = sameRun(description, describeRunOf(report));
    if (difference) refuse(`${part.name} is not a shard of the same run as ${placed[0]!.part.name}: ${difference}`);
    if ('trace' in report !== hasTrace) refuse(`${part.name} ${hasTrace ? 'has no' : 'has a'} trace while ${placed[0]!.part.name} ${hasTrace ? 'has one' : 'has none'}: run every shard with the same --trace`);
    const { shard, ...whole } = report;
    try {
      const read = sumsFromReport(whole);
      if (JSON.stringify(shardReport(simulationReport(read, description, hasTrace), shard)) === JSON.stringify(report)) return read;
    } catch {
      // reported below
    }
    return refuse(`${part.name} was changed after chainlab simulate printed it (or is damaged): it does not read back to the same figures`);
  });
  return simulationReport(sums.reduce(mergeSums), description, hasTrace);
}
