import type { CliCommand } from '../command';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { metricsCommand } from './metrics';
import { stagesCommand } from './stages';
import { rfmCommand } from './rfm';
import { templatesCommand } from './templates';
import { validateCommand } from './validate';

/** Every subcommand, in the order `chainlab --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [demoCommand, importCommand, rfmCommand, stagesCommand, metricsCommand, templatesCommand, validateCommand];
