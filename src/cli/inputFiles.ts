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

function inputFilesIn(part: unknown): InputFiles | undefined {
  const inputs = (part as { inputs?: { files?: InputFiles } } | null)?.inputs;
  return typeof inputs === 'object' && inputs !== null ? inputs.files : undefined;
}

/** Refuses (exit 1) parts whose runs read different files, naming which file differs. */
export function checkSameInputFiles(parts: readonly { name: string; value: unknown }[]): void {
  const first = parts[0];
  if (!first) return;
  const expected = inputFilesIn(first.value) ?? {};
  for (const part of parts.slice(1)) {
    const files = inputFilesIn(part.value) ?? {};
    const differing = [...new Set([...Object.keys(expected), ...Object.keys(files)])].filter((kind) => expected[kind] !== files[kind]);
    if (differing.length) throw new CliError(`${part.name} is not a shard of the same run as ${first.name}: the input files differ (${differing.join(', ')}): give every shard the same files`);
  }
}
