import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CliError } from './cliErrors';

/**
 * What `chainlab simulate` read, as digests of the files' bytes by role ({ "orders": …,
 * "customers": …, "events": … }), printed in the report's `inputs.files`. `--merge` refuses shards
 * of runs over different files: the chains, period, seed and flags can all agree while one shard
 * was given last week's export, and a sum over the wrong customers looks just as plausible.
 * Bytes, not names: the same export has other paths on other machines.
 */
export type InputFiles = Record<string, string>;

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}

export async function inputFilesOf(files: readonly { path: string; kind: string }[]): Promise<InputFiles> {
  const digests: InputFiles = {};
  for (const file of files) digests[file.kind] = await fileDigest(file.path);
  return digests;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a part looks like a report of chainlab simulate at all (mergeShardReports says why not, otherwise). */
function isReport(value: unknown): value is { inputs: { files?: InputFiles } } {
  return isRecord(value) && isRecord(value.period) && Array.isArray(value.chains) && isRecord(value.totals) && isRecord(value.inputs);
}

/** Refuses (exit 1) parts whose runs read different files, naming which file differs. */
export function checkSameInputFiles(parts: readonly { name: string; value: unknown }[]): void {
  const reports = parts.filter((part) => isReport(part.value));
  const first = reports[0];
  if (!first) return;
  const expected = (first.value as { inputs: { files?: InputFiles } }).inputs.files;
  for (const part of reports.slice(1)) {
    const files = (part.value as { inputs: { files?: InputFiles } }).inputs.files;
    if (!files !== !expected) throw new CliError(`${part.name} was printed by another version of chainlab than ${first.name} (only one names its input files): run every shard with the same version`);
    if (!files || !expected) continue;
    const differing = [...new Set([...Object.keys(expected), ...Object.keys(files)])].filter((kind) => expected[kind] !== files[kind]);
    if (differing.length) throw new CliError(`${part.name} is not a shard of the same run as ${first.name}: the input files differ (${differing.join(', ')}): give every shard the same files`);
  }
}
