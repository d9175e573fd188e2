import type { Command } from 'commander';
import type { CliIo } from './output';

/**
 * One subcommand. Each lives in its own module under commands/ and is listed in
 * commands/index.ts; `register` adds it to the program (use `program.command(name)` so it
 * inherits the shared output and error settings).
 */
export interface CliCommand {
  name: string;
  register(program: Command, io: CliIo): void;
}
