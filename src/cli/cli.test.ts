import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainlabIn, expectOneLineError } from './testing/chainlabProcess';

/** The real command, as users run it: `node bin/chainlab.mjs` in a separate process and another cwd. */
const work = mkdtempSync(join(tmpdir(), 'chainlab-cli-'));
const chainlab = chainlabIn(work);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function lineCount(path: string): number {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').length;
}

const FILES = ['customers.csv', 'orders.csv', 'events.csv'];

describe('chainlab', () => {
  it('explains itself and its subcommands', async () => {
    const [main, demo] = await Promise.all([chainlab('--help'), chainlab('demo', '--help')]);
    expect(main.status).toBe(0);
    expect(main.stdout).toContain('Usage: chainlab');
    expect(main.stdout).toContain('demo');
    expect(demo.status).toBe(0);
    for (const flag of ['--customers', '--seed', '--out', '--json', '--end', '--months']) expect(demo.stdout).toContain(flag);
  });

  it('rejects unknown flags, commands and arguments with one line and exit 2', async () => {
    const [unknown, typo, command, extra] = await Promise.all([
      chainlab('demo', '--out', 'x', '--frobnicate'),
      chainlab('demo', '--out', 'x', '--custmers', '5'),
      chainlab('frobnicate'),
      chainlab('demo', '--out', 'x', 'extra'),
    ]);
    expectOneLineError(unknown, 2, /unknown option '--frobnicate'/);
    expectOneLineError(typo, 2, /Did you mean --customers/);
    expectOneLineError(command, 2, /unknown command/);
    expectOneLineError(extra, 2, /too many arguments/);
  });
});

describe('chainlab demo', () => {
  it('rejects a bad --customers and a missing --out with one line and exit 2', async () => {
    const [bad, missing] = await Promise.all([chainlab('demo', '--out', 'x', '--customers', 'abc'), chainlab('demo', '--customers', '10')]);
    expectOneLineError(bad, 2, /--customers/);
    expectOneLineError(missing, 2, /required option '-o, --out/);
  });

  it('fails with exit 1 and one line when the output directory cannot be created', async () => {
    writeFileSync(join(work, 'a-file'), 'x');
    expectOneLineError(await chainlab('demo', '--out', 'a-file', '--customers', '5'), 1, /a-file.*file is in the way/);
  });

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const runs = [['run-a', '5'], ['run-b', '5'], ['run-c', '6']] as const;
    const results = await Promise.all(runs.map(([dir, seed]) => chainlab('demo', '--customers', '300', '--seed', seed, '--out', dir)));
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
    }
    for (const file of FILES) {
      expect(sha256(join(work, 'run-b', file))).toBe(sha256(join(work, 'run-a', file)));
      expect(sha256(join(work, 'run-c', file))).not.toBe(sha256(join(work, 'run-a', file)));
    }
  });

  it('prints exactly one JSON document whose counts match the files', async () => {
    const result = await chainlab('demo', '--customers', '250', '--seed', '9', '--out', 'nested/json-run', '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as Record<string, unknown> & { files: Record<string, string> };
    const out = join(work, 'nested', 'json-run');
    expect(summary.out).toBe(out);
    expect(summary.customers).toBe(250);
    expect(summary.seed).toBe(9);
    expect(summary.period).toEqual({ from: '2025-09-01', to: '2026-10-31' });
    expect(summary.files).toEqual({ customers: join(out, 'customers.csv'), orders: join(out, 'orders.csv'), events: join(out, 'events.csv') });
    expect(lineCount(summary.files.customers!) - 1).toBe(summary.customers);
    expect(lineCount(summary.files.orders!) - 1).toBe(summary.orders);
    expect(lineCount(summary.files.events!) - 1).toBe(summary.events);
    expect(summary.orders).toBeGreaterThan(250);
    expect(summary.events).toBeGreaterThan(250 * 40);
  });
});
