import { printable } from './printable';

/**
 * Where things go (cli.md): results on stdout — with `--json` exactly one JSON document and
 * nothing else; progress and warnings on stderr, a progress bar only when stderr is a terminal.
 */
export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  isErrTty: boolean;
}

export const processIo: CliIo = {
  writeOut: (text) => {
    process.stdout.write(text);
  },
  writeErr: (text) => {
    process.stderr.write(text);
  },
  isErrTty: Boolean(process.stderr.isTTY),
};

export function writeJson(io: CliIo, document: unknown): void {
  io.writeOut(`${JSON.stringify(document, null, 2)}\n`);
}

export function warn(io: CliIo, message: string): void {
  io.writeErr(`chainlab: warning: ${printable(message)}\n`);
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 30;

/** A one-line progress bar redrawn in place; does nothing unless stderr is a terminal. */
export function createProgress(io: CliIo, label: string, total: number): Progress {
  if (!io.isErrTty || total <= 0) return { update: () => {}, finish: () => {} };
  const startedAt = Date.now();
  let drawnAt = 0;
  const draw = (done: number): void => {
    const fraction = Math.min(1, done / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    io.writeErr(`\r${label} [${bar}] ${Math.floor(fraction * 100)}% ${done}/${total} (${rate}/s)`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      draw(done);
    },
    finish() {
      draw(total);
      io.writeErr('\n');
    },
  };
}
