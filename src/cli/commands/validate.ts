import type { Command } from 'commander';
import { isNotChainFile, parseChainFileText, validateRestoredChain, type ChainFinding } from '../../domain/chains';
import { buildWorkspaceVocabulary, type WorkspaceVocabulary } from '../../domain/conditions';
import { computeDataQuality } from '../../domain/quality';
import type { TextLanguage } from '../../domain/text';
import { CliError, EXIT_FAILURE, EXIT_USAGE, QuietExit } from '../cliErrors';
import type { CliCommand } from '../command';
import { createFilePort, type DatasetFile } from '../filePort';
import { languageOption, timeZoneOption } from '../options';
import { writeJson, type CliIo } from '../output';
import { withJsonPlace } from '../jsonText';
import { readTextFile, statFile } from '../readRecords';

/**
 * `chainlab validate CHAIN.json` (cli.md "templates, validate"): the app's validator over a chain
 * file. Exit 0 when valid (warnings allowed), 1 when not, 2 when the file is not a chain file at
 * all. Extras beyond the contract: `--orders` / `--events` check the event types, fields,
 * segments and stages the chain names against that data (warnings with the closest names),
 * `--lang ru` writes the messages in Russian, and each finding carries its `code` (and `path`,
 * `port`, `edgeId`, `suggestions` where they apply).
 */
interface ValidateFlags {
  json?: boolean;
  orders?: string;
  events?: string;
  tz: string;
  lang: TextLanguage;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  register(program: Command, io: CliIo) {
    program
      .command('validate')
      .summary('check a chain file: graph, nodes, settings, and optionally the names it uses against data')
      .description(
        'Check a chain file (format "chainlab.chain") the way the chain editor does: a\n' +
          'trigger exists; every node is reachable; every way out of a node leads\n' +
          'somewhere; no loop without a timer; messages have a channel and text; filters\n' +
          'have conditions; split weights add up to 100 %; settings are complete. With\n' +
          '--orders and/or --events, event types, fields, segments and stages the chain\n' +
          'names are checked against that data too (warnings, with the closest names it\n' +
          'has).\n\n' +
          'Exit codes: 0 valid (warnings allowed), 1 not valid, 2 not a chain file at all.',
      )
      .argument('<chain>', 'the chain file (JSON)')
      .option('--orders <file>', 'orders CSV to check the names against')
      .option('--events <file>', 'events CSV to check the names against')
      .option('--tz <zone>', 'IANA time zone of local times in the data files', timeZoneOption, 'UTC')
      .option('--lang <language>', 'language of the messages: en or ru', languageOption, 'en')
      .option('--json', 'print one JSON document: { valid, findings: [{ severity, nodeId?, message, code, … }] }')
      .addHelpText('after', '\nExamples:\n  chainlab validate abandoned-cart.json --json\n  chainlab validate my-chain.json --events events.csv --orders orders.csv')
      .action((path: string, flags: ValidateFlags) => runValidate(path, flags, io));
  },
};

function readChainText(path: string): string {
  statFile(path);
  return readTextFile(path);
}

async function vocabularyFromFiles(flags: ValidateFlags, io: CliIo): Promise<WorkspaceVocabulary | undefined> {
  const files: DatasetFile[] = [
    ...(flags.orders ? [{ path: flags.orders, kind: 'orders' as const }] : []),
    ...(flags.events ? [{ path: flags.events, kind: 'events' as const }] : []),
  ];
  if (!files.length) return undefined;
  const dataset = await createFilePort(files, { timeZone: flags.tz }, io).loadDataset('files');
  const today = new Date().toISOString().slice(0, 10);
  return buildWorkspaceVocabulary({ quality: computeDataQuality(dataset.customers, dataset.events, dataset.eventTypes, flags.tz, today) });
}

function jsonFinding(finding: ChainFinding, language: TextLanguage) {
  const { severity, nodeId, code, path, port, edgeId, suggestions } = finding;
  return { severity, ...(nodeId === undefined ? {} : { nodeId }), message: finding.message[language], code, ...(edgeId === undefined ? {} : { edgeId }), ...(port === undefined ? {} : { port }), ...(path === undefined ? {} : { path }), ...(suggestions ? { suggestions } : {}) };
}

function findingLine(finding: ChainFinding, language: TextLanguage): string {
  const where = finding.nodeId !== undefined ? ` [${finding.nodeId}${finding.port ? ` → ${finding.port}` : ''}]` : finding.edgeId !== undefined ? ` [edge ${finding.edgeId}]` : '';
  return `  ${finding.severity.padEnd(7)}${where} ${finding.message[language]}`;
}

async function runValidate(path: string, flags: ValidateFlags, io: CliIo): Promise<void> {
  const text = readChainText(path);
  const read = parseChainFileText(text);
  if (isNotChainFile(read)) throw new CliError(`${path}: ${read.ok ? '' : withJsonPlace(read.message.en, text)}`, EXIT_USAGE);
  const vocabulary = read.ok ? await vocabularyFromFiles(flags, io) : undefined;
  const findings = validateRestoredChain(read, { vocabulary });
  const valid = !findings.some((finding) => finding.severity === 'error');
  if (flags.json) {
    writeJson(io, { valid, findings: findings.map((finding) => jsonFinding(finding, flags.lang)), ...(read.ok ? { chain: { id: read.chain.id, name: read.chain.name, version: read.fromVersion, nodes: read.chain.nodes.length } } : {}) });
  } else {
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.length - errors;
    const name = read.ok ? ` "${read.chain.name}"` : '';
    io.writeOut(`${path}${name}: ${valid ? 'valid' : 'not valid'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'})\n`);
    for (const finding of findings) io.writeOut(`${findingLine(finding, flags.lang)}\n`);
  }
  if (!valid) throw new QuietExit(EXIT_FAILURE);
}
