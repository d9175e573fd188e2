import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, errorLine, reportError } from './cliErrors';
import type { CliIo } from './output';
import { createProgram, runCli } from './program';

/** The program in-process (fast): every usage mistake and option, without spawning Node. */
const work = mkdtempSync(join(tmpdir(), 'chainlab-program-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text), isErrTty: false };
  const code = await runCli(['node', 'chainlab', ...args], io);
  return { code, stdout, stderr };
}

function expectUsageError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^chainlab: error: [^\n]*\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('runCli', () => {
  it('rejects every malformed demo option with one line and exit 2', async () => {
    const out = join(work, 'never');
    for (const bad of ['abc', '0', '-5', '1.5', '10000001', '1e3', '']) expectUsageError(await run('demo', '--out', out, '--customers', bad), /--customers/);
    for (const bad of ['seven', '1.5', '99999999999999999999']) expectUsageError(await run('demo', '--out', out, '--seed', bad), /--seed/);
    for (const bad of ['2026-13-01', '2026-02-30', '31.10.2026']) expectUsageError(await run('demo', '--out', out, '--end', bad), /--end/);
    for (const bad of ['6', '121', 'x']) expectUsageError(await run('demo', '--out', out, '--months', bad), /--months/);
    expectUsageError(await run('demo', '--out'), /argument missing/);
    expectUsageError(await run('demo', '--out', out, '--json', '--frobnicate'), /unknown option/);
  });

  it('prints help and version on stdout with exit 0, and help on stderr with exit 2 when no command is given', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:');
    const version = await run('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: chainlab');
  });

  it('writes the demo files for --end, --months and --bom, with a human summary without --json', async () => {
    const out = join(work, 'short');
    const result = await run('demo', '--customers', '20', '--out', out, '--end', '2025-12-31', '--months', '12', '--bom');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Wrote 20 customers, ${result.stdout.match(/(\d+) orders/)![1]} orders and ${result.stdout.match(/(\d+) events/)![1]} events (2025-01-01 – 2025-12-31) to ${out}\n`);
    const text = readFileSync(join(out, 'orders.csv'), 'utf8');
    expect(text.startsWith('\uFEFForder_id,customer_id,order_date,amount')).toBe(true);
    const dates = text.split('\n').slice(1, -1).map((line) => line.split(',')[2]!);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date >= '2024-12-31T21:00:00Z' && date < '2025-12-31T21:00:00Z')).toBe(true);
  });

  it('names the directory that cannot be created (exit 1)', async () => {
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, 'x');
    const result = await run('demo', '--out', join(blocker, 'inside'), '--customers', '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`chainlab: error: cannot create directory ${join(blocker, 'inside')}: a file is in the way\n`);
  });
});

describe('error reporting', () => {
  it('keeps every message on one line and maps errors to exit codes', () => {
    expect(errorLine('bad\nthing\r\n  here')).toBe('chainlab: error: bad thing here\n');
    let written = '';
    const write = (text: string) => (written += text);
    expect(reportError(new CliError('orders.csv: header only', 1), write)).toBe(1);
    expect(reportError(new CliError('no such file x.csv', 2), write)).toBe(2);
    expect(reportError(new TypeError('boom'), write)).toBe(1);
    expect(written).toBe('chainlab: error: orders.csv: header only\nchainlab: error: no such file x.csv\nchainlab: error: internal error: boom\n');
  });

  it('writes every command\'s description in lines that fit 80 columns (commander wraps at 80 when not on a terminal: a longer line left a word alone on the next)', () => {
    const tooLong = createProgram().commands.flatMap((command) => command.description().split('\n').filter((line) => line.length > 80).map((line) => `${command.name()}: ${line}`));
    expect(tooLong).toEqual([]);
  });
});
