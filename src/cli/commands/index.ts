import type { CliCommand } from '../command';
import { demoCommand } from './demo';

/** Every subcommand, in the order `chainlab --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [demoCommand];
