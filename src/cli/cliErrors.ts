import { CommanderError } from 'commander';
import { UserFacingError } from '../domain/errors';
import { printable } from './printable';

/**
 * Exit codes and error reporting shared by every subcommand (cli.md):
 * - 2 (usage): unknown flags, bad option values, missing input files;
 * - 1 (failure): a file that cannot be used, or output that cannot be written;
 * - 0: success, including `--help` and `--version`.
 * Every error is one line on stderr, `chainlab: error: …`, never a stack trace
 * (set CHAINLAB_DEBUG=1 to get one for a bug report).
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * Ends a command with an exit code after it has printed its result, without an error line —
 * e.g. `chainlab validate` on a chain that is not valid (exit 1, the findings already on stdout).
 */
export class QuietExit extends Error {
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'QuietExit';
    this.exitCode = exitCode;
  }
}

/** A usage mistake: the command line itself is wrong (exit 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** A file that cannot be used at all, naming the file and the reason (exit 1). */
export function fileError(file: string, reason: string): CliError {
  return new CliError(`${file}: ${reason}`, EXIT_FAILURE);
}

/** Collapses a message to one line (commander puts "Did you mean …?" on a second one). */
export function oneLine(message: string): string {
  return message.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}

export function errorLine(message: string): string {
  return `chainlab: error: ${printable(oneLine(message))}\n`;
}

/** Writes the error line and returns the exit code for it. Commander has already printed its own. */
export function reportError(error: unknown, writeErr: (text: string) => void): number {
  if (error instanceof CommanderError) return commanderExitCode(error);
  if (error instanceof QuietExit) return error.exitCode;
  if (process.env.CHAINLAB_DEBUG && error instanceof Error) writeErr(`${error.stack ?? error.message}\n`);
  if (error instanceof CliError) {
    writeErr(errorLine(error.message));
    return error.exitCode;
  }
  if (error instanceof UserFacingError) {
    writeErr(errorLine(error.message));
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  writeErr(errorLine(`internal error: ${message}`));
  return EXIT_FAILURE;
}

function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
  // `chainlab` without a subcommand prints the help on stderr: a usage mistake.
  return EXIT_USAGE;
}
