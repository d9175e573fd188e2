import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
