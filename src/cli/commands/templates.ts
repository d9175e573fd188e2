import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { CHAIN_TEMPLATES, chainFileText, DEFAULT_AUDIENCE_AT, isLocalDateTime } from '../../domain/chains';
import type { TextLanguage } from '../../domain/text';
import { CliError, EXIT_FAILURE } from '../cliErrors';
import type { CliCommand } from '../command';
import { ensureDirectory } from '../fileOutput';
import { languageOption } from '../options';
import { writeJson, type CliIo } from '../output';

/**
 * `chainlab templates --out DIR` (cli.md): every built-in template as DIR/<template-id>.json, a
 * chain file each, ids in kebab-case English. Extras: `--lang ru` for Russian texts,
 * `--audience-at` for the one-off templates' send time, `--json` for a summary.
 */
interface TemplatesFlags {
  out: string;
  lang: TextLanguage;
  audienceAt: string;
  json?: boolean;
}

function localDateTimeOption(value: string): string {
  if (!isLocalDateTime(value)) throw new InvalidArgumentError('expected a local date and time YYYY-MM-DDTHH:mm.');
  return value;
}

export const templatesCommand: CliCommand = {
  name: 'templates',
  register(program: Command, io: CliIo) {
    program
      .command('templates')
      .summary('write the built-in chain templates as chain files')
      .description(
        'Write every built-in chain template (welcome series, abandoned cart,\n' +
          'reactivation, birthday, cross-sell, VIP, win-back, one-off promo …) as\n' +
          'DIR/<template-id>.json, a chain file each ("format": "chainlab.chain"), ready\n' +
          'for `chainlab validate` and the app\'s import. Each names the textbook rule it\n' +
          'follows in its description.',
      )
      .requiredOption('-o, --out <dir>', 'directory to write the files into (created if missing)')
      .option('--lang <language>', 'language of the texts: en or ru', languageOption, 'en')
      .option('--audience-at <time>', 'when one-off templates send, local YYYY-MM-DDTHH:mm', localDateTimeOption, DEFAULT_AUDIENCE_AT)
      .option('--json', 'print a JSON summary on stdout')
      .addHelpText('after', '\nExample:\n  chainlab templates --out ./templates --lang ru')
      .action((flags: TemplatesFlags) => runTemplates(flags, io));
  },
};

function runTemplates(flags: TemplatesFlags, io: CliIo): void {
  const out = resolve(flags.out);
  ensureDirectory(out);
  const written = CHAIN_TEMPLATES.map((template) => {
    const chain = template.build({ language: flags.lang, audienceAt: flags.audienceAt });
    const file = resolve(out, `${template.id}.json`);
    try {
      writeFileSync(file, chainFileText(chain));
    } catch (error) {
      throw new CliError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT_FAILURE);
    }
    return { id: template.id, name: chain.name, stage: chain.stage, nodes: chain.nodes.length, file };
  });
  if (flags.json) writeJson(io, { out, language: flags.lang, templates: written });
  else io.writeOut(`Wrote ${written.length} chain templates to ${out}:\n${written.map((item) => `  ${item.id}.json  ${item.name}`).join('\n')}\n`);
}
