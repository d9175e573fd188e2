import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CSV_KINDS, ImportSession, LISTED_REJECTS, columnSession, type CsvKind, type ImportReport } from '../../domain';
import type { CliCommand } from '../command';
import { refuseClobbering } from '../fileOutput';
import { RecordsFile, RejectsFile } from '../importOutput';
import { summaryText } from '../importSummary';
import { createProgress, warn, writeJson, type CliIo } from '../output';
import { addReadingOptions, readingSettings, type ReadingFlags } from '../readingOptions';
import { checkRead, readSession, type ReadSettingsWithGuess } from '../readRecords';

/**
 * `chainlab import FILE`: reads a CSV file with the app's import code and reports what it
 * found (cli.md "import"). Nothing is stored; `--out` writes the normalised records as JSON
 * lines and `--rejects` the rejected rows as CSV. Exit 0 whenever the file could be read,
 * even if rows were rejected (the report says which and why).
 */
interface ImportFlags extends ReadingFlags {
  kind?: CsvKind;
  mapping?: string;
  encoding?: string;
  delimiter?: string;
  dateFormat?: string;
  tz: string;
  header: 'auto' | 'yes' | 'no';
  out?: string;
  rejects?: string;
  json?: boolean;
}

export const importCommand: CliCommand = {
  name: 'import',
  register(program: Command, io: CliIo) {
    const command = program
      .command('import')
      .summary('check a CSV file of customers, orders, order lines or events and normalise it')
      .description(
        'Read a CSV export (customers, orders, order lines or events) exactly as the app\n' +
          'imports it: detect the encoding (UTF-8, UTF-8 with BOM, Windows-1251 …),\n' +
          'delimiter, header and date format, map the columns (Russian and English names),\n' +
          'normalise dates, money, phones (E.164), e-mails and consents, de-duplicate\n' +
          'customers, and report rows read / accepted / merged / rejected with the reason\n' +
          'for every reject. Nothing is stored. Local times without an offset are read in\n' +
          '--tz (default UTC).',
      )
      .argument('<file>', 'the CSV file')
      .addOption(new Option('-k, --kind <kind>', 'what the file holds (default: guessed from the columns)').choices(CSV_KINDS))
      .option('-m, --mapping <file>', 'JSON mapping of fields to columns, e.g. {"customerId": "Код клиента", "ts": "Дата"}')
      .option('--encoding <name>', 'text encoding (utf-8, windows-1251, koi8-r, utf-16le …; default: detected)')
      .option('--delimiter <char>', 'field delimiter: , ; | or tab (default: detected)')
      .option('--date-format <format>', 'date format of the date columns, e.g. "DD.MM.YYYY HH:mm", "MM/DD/YYYY", iso, excel, unix, unix_ms (default: detected)')
      .option('--tz <zone>', 'IANA time zone of local date-times without an offset', 'UTC')
      .addOption(new Option('--header <when>', 'whether the first row is a header').choices(['auto', 'yes', 'no']).default('auto'))
      .option('-o, --out <file.jsonl>', 'write the normalised records, one JSON object a line')
      .option('--rejects <file.csv>', 'write the rejected rows with line and reason as CSV')
      .option('--json', 'print the report as one JSON document');
    addReadingOptions(command)
      .addHelpText(
        'after',
        '\nA mapping file names columns by header text or 1-based position; fields it does not\n' +
          'name are guessed. Fields: customerId email phone firstName lastName fullName city gender\n' +
          'birthDate signupAt telegramId pushToken consentEmail consentSms consentPush\n' +
          'consentWhatsapp consentTelegram | type ts amount orderId status sku productName quantity\n' +
          'price lineAmount category channel store paymentMethod discount promoCode currency.\n\n' +
          'Placeholder ids ("NA", "NULL" …) and ids Excel rounded ("4.6E+15") identify nobody:\n' +
          'such a row is found by its e-mail or phone, or rejected. Dates outside the plausible\n' +
          'dates are kept with a warning (or rejected with --far-dates reject) and never move a\n' +
          'default date; years 0000 and 0001 are rejected. The report lists at most 100,000\n' +
          'rejected rows; the count and the --rejects file have them all.\n\n' +
          'Examples:\n  chainlab import orders.csv --kind orders --json\n' +
          '  chainlab import export_1c.csv --kind lines --rejects bad.csv --out records.jsonl\n' +
          '  chainlab import retail.csv --kind lines --placeholder-ids "NA,Guest" --far-dates reject',
      )
      .action((file: string, flags: ImportFlags) => runImport(file, flags, io));
  },
};

async function runImport(file: string, flags: ImportFlags, io: CliIo): Promise<void> {
  const path = resolve(file);
  refuseClobbering([file, ...(flags.mapping ? [flags.mapping] : [])], { '--out': flags.out, '--rejects': flags.rejects });
  let progress: ReturnType<typeof createProgress> | undefined;
  const settings: ReadSettingsWithGuess = {
    kind: flags.kind,
    mappingFile: flags.mapping ? resolve(flags.mapping) : undefined,
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    dateFormat: flags.dateFormat,
    timeZone: flags.tz,
    hasHeader: flags.header === 'auto' ? undefined : flags.header === 'yes',
    ...readingSettings(flags),
  };
  const onProgress = (done: number, total: number) => {
    progress ??= createProgress(io, 'import', total);
    progress.update(done);
  };
  const report = await readAndWrite(path, settings, flags, onProgress);
  progress?.finish();
  if (flags.json) writeJson(io, report);
  else io.writeOut(summaryText(file, report));
  if (report.rejected > 0 && flags.json) warn(io, `${report.rejected} of ${report.read} rows rejected${flags.rejects ? `; see ${flags.rejects}` : ' (--rejects FILE.csv writes them)'}`);
  if (report.rejects.length < report.rejected && flags.json) warn(io, `the report lists the first ${report.rejects.length.toLocaleString('en-US')} rejected rows${flags.rejects ? '' : '; --rejects FILE.csv writes all of them'}`);
}

/**
 * Reads the file, streaming `--out` and `--rejects` to disk as it goes (see importOutput.ts).
 * Without `--out` nobody reads the records: the events are kept as columns only (faster, less
 * memory). The report lists at most LISTED_REJECTS rejected rows; the count and the rejects
 * file are complete.
 */
async function readAndWrite(path: string, settings: ReadSettingsWithGuess, flags: ImportFlags, onProgress: (done: number, total: number) => void): Promise<ImportReport> {
  let records: RecordsFile | undefined;
  let rejects: RejectsFile | undefined;
  try {
    const { plan, session } = await readSession(
      path,
      settings,
      (plan, options) => {
        if (flags.rejects) rejects = new RejectsFile(resolve(flags.rejects), plan.layout.columns);
        if (!flags.out) return columnSession(plan, options);
        records = new RecordsFile(resolve(flags.out));
        const sink = records.sink();
        return new ImportSession(plan, { ...options, sink: () => sink });
      },
      {
        onProgress,
        listedRejectsLimit: LISTED_REJECTS,
        onRejectedRow: (row) => rejects?.add(row),
        afterChunk: async () => {
          await records?.flush();
          await rejects?.flush();
        },
      },
    );
    const report = session.finish();
    checkRead(path, plan, report);
    await records?.finish(session.directory.newProfiles(), session.directory);
    await rejects?.finish();
    return report;
  } catch (error) {
    records?.discard();
    rejects?.discard();
    throw error;
  }
}
