import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, type Stats, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT_FAILURE, usageError } from './cliErrors';

/**
 * Text output files written through fs streams with backpressure: text is encoded as UTF-8
 * straight into 1 MiB chunks (several times faster than concatenating strings and encoding
 * them at the end: for `chainlab demo` that conversion was a third of the run), and the writer
 * waits for 'drain' whenever the stream's buffer is full, so memory stays bounded however
 * much is written. Failures become one-line CliErrors naming the file.
 */
const CHUNK_BYTES = 1024 * 1024;

export class LineWriter {
  readonly path: string;
  lines = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly ready: Buffer[] = [];
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  /** `shownPath`: the path errors name (a spool file is named by the output it becomes). */
  constructor(
    path: string,
    private readonly shownPath = path,
  ) {
    this.path = path;
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Buffers text; call `flush` when `isFull` so that finished chunks reach the stream. */
  write(text: string): void {
    const worstCase = text.length * 3;
    if (this.used + worstCase > CHUNK_BYTES) this.seal();
    if (worstCase > CHUNK_BYTES) {
      this.ready.push(Buffer.from(text, 'utf8'));
      return;
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  writeLine(line: string): void {
    this.write(line);
    if (this.used === CHUNK_BYTES) this.seal();
    this.chunk[this.used++] = 0x0a;
    this.lines++;
  }

  /** Several lines at once: one encoding call instead of one per line. */
  writeLines(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.write(lines.join('\n'));
    this.writeLine('');
    this.lines += lines.length - 1;
  }

  /** Whether finished chunks are waiting for the stream. */
  get isFull(): boolean {
    return this.ready.length > 0;
  }

  async flush(): Promise<void> {
    this.throwIfFailed();
    while (this.ready.length > 0) {
      if (!this.stream.write(this.ready.shift()!)) await this.waitFor('drain');
    }
  }

  async close(): Promise<void> {
    this.seal();
    await this.flush();
    this.stream.end();
    await this.waitFor('close');
    this.throwIfFailed();
  }

  /** Abandons the file after a failure elsewhere (no waiting, errors ignored). */
  destroy(): void {
    this.stream.destroy();
  }

  /** Moves the current chunk to the ready list; the stream keeps it, so a new one is allocated. */
  private seal(): void {
    if (this.used === 0) return;
    this.ready.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  private async waitFor(event: string): Promise<void> {
    try {
      await once(this.stream, event);
    } catch (error) {
      this.failure = error as Error;
    }
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw writeError(this.shownPath, this.failure);
  }
}

function writeError(path: string, error: Error): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  return new CliError(`cannot write ${path}: ${code ?? error.message}`, EXIT_FAILURE);
}

/** Creates the directory (and parents); a file in the way or no permission is a one-line error. */
export function ensureDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code ?? (error as Error).message;
    throw new CliError(`cannot create directory ${path}: ${reason}`, EXIT_FAILURE);
  }
  if (!statSync(path).isDirectory()) throw new CliError(`cannot create directory ${path}: a file is in the way`, EXIT_FAILURE);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Refuses output files that would destroy an input or each other: the same path, or the same
 * file reached through a link (exit 2). `outputs` maps the flag to the path given.
 */
export function refuseClobbering(inputs: readonly string[], outputs: Readonly<Record<string, string | undefined>>): void {
  const files = inputs.map((path) => ({ path: resolve(path), stat: statOrUndefined(resolve(path)) }));
  const isSame = (a: { path: string; stat?: Stats }, b: { path: string; stat?: Stats }) => a.path === b.path || (a.stat !== undefined && b.stat !== undefined && a.stat.ino === b.stat.ino && a.stat.dev === b.stat.dev);
  const written: { flag: string; path: string; stat?: Stats }[] = [];
  for (const [flag, given] of Object.entries(outputs)) {
    if (!given) continue;
    const output = { flag, path: resolve(given), stat: statOrUndefined(resolve(given)) };
    if (files.some((input) => isSame(input, output))) throw usageError(`${flag} ${given} is an input file: writing it would destroy what is read; choose another file`);
    const other = written.find((earlier) => isSame(earlier, output));
    if (other) throw usageError(`${flag} and ${other.flag} name the same file ${given}; choose two files`);
    written.push(output);
  }
}
