import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The repository root and the `chainlab` entry users run (`node bin/chainlab.mjs`). */
export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const BIN = join(REPO, 'bin', 'chainlab.mjs');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `chainlab …` as users run it: the real command in a child process, in `cwd`; several can run at once. */
export function chainlabIn(cwd: string): (...args: string[]) => Promise<RunResult> {
  return (...args) =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
}

/** The command failed as cli.md says: the exit code, nothing on stdout, one line `chainlab: error: …` on stderr. */
export function expectOneLineError(result: RunResult, status: number, pattern: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^chainlab: error: /);
  expect(result.stderr).toMatch(pattern);
}
