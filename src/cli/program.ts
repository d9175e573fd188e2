import packageJson from '../../package.json' with { type: 'json' };
import { Command } from 'commander';
import { oneLine, reportError } from './cliErrors';
import { COMMANDS } from './commands';
import { processIo, type CliIo } from './output';

/**
 * The `chainlab` program: shared settings first (errors as one line, commander never exits
 * the process itself), then every subcommand from the registry.
 */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('chainlab')
    .description('ChainLab on the command line: demo data, import checks, RFM, chain validation and simulation over CSV files.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'explain a command')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.writeErr(text),
      outputError: (text, write) => write(`chainlab: ${oneLine(text)}\n`),
    })
    .addHelpText('after', '\nRun "chainlab <command> --help" for the options of a command.\nExit codes: 0 done, 1 unusable input or failed output, 2 wrong usage.');
  for (const command of COMMANDS) command.register(program, io);
  return program;
}

/** Parses and runs; resolves to the process exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'node' });
    return 0;
  } catch (error) {
    return reportError(error, (text) => io.writeErr(text));
  }
}

function packageVersion(): string {
  return packageJson.version;
}
