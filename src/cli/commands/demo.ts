import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_DEMO_END_DATE,
  DEFAULT_DEMO_MONTHS,
  DEFAULT_DEMO_OPTIONS,
  demoCsvHeader,
  demoCsvLines,
  demoPeriod,
  generateDemoCustomers,
  type DemoCsvFile,
  type ResolvedDemoOptions,
} from '../../domain/demo';
import type { CliCommand } from '../command';
import { ensureDirectory, LineWriter } from '../fileOutput';
import { dateOption, integerOption, seedOption } from '../options';
import { createProgress, writeJson, type CliIo } from '../output';

/**
 * `chainlab demo`: writes the seeded demo data set as customers.csv, orders.csv and events.csv
 * (cli.md "demo"), streaming customer by customer so that even 10 million customers need
 * little memory. Same options → byte-identical files.
 */
export const MAX_DEMO_CUSTOMERS = 10_000_000;
const UTF8_BOM = '\uFEFF';

interface DemoFlags {
  out: string;
  customers: number;
  seed: number;
  end: string;
  months: number;
  bom?: boolean;
  json?: boolean;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  register(program: Command, io: CliIo) {
    program
      .command('demo')
      .summary('write a seeded demo data set (customers, orders, events) as CSV files')
      .description(
        'Write a realistic, seeded demo CRM data set: customers with Russian and\n' +
          'English names, contacts and consents; orders, returns and behaviour events\n' +
          '(views, carts, e-mail opens …) over 12+ months with seasonality.\n\n' +
          'Files: DIR/customers.csv, DIR/orders.csv, DIR/events.csv\n' +
          '(comma-separated UTF-8, one header row, ISO 8601 UTC times).\n' +
          'The same options always give byte-identical files.',
      )
      .requiredOption('-o, --out <dir>', 'directory to write the three files into (created if missing)')
      .option('-n, --customers <n>', `number of customers, 1 to ${MAX_DEMO_CUSTOMERS}`, integerOption(1, MAX_DEMO_CUSTOMERS), DEFAULT_DEMO_OPTIONS.customers)
      .option('-s, --seed <s>', 'random seed (integer)', seedOption, DEFAULT_DEMO_OPTIONS.seed)
      .option('--end <date>', 'last day of the data, YYYY-MM-DD', dateOption, DEFAULT_DEMO_END_DATE)
      .option('--months <m>', 'months of history, 12 to 120', integerOption(12, 120), DEFAULT_DEMO_MONTHS)
      .option('--bom', 'start each file with a UTF-8 byte-order mark (for Excel)')
      .option('--json', 'print a JSON summary on stdout')
      .addHelpText('after', '\nExample:\n  chainlab demo --customers 20000 --seed 7 --out ./demo-data --json')
      .action((flags: DemoFlags) => runDemo(flags, io));
  },
};

export interface DemoSummary {
  out: string;
  customers: number;
  orders: number;
  events: number;
  seed: number;
  period: { from: string; to: string };
  files: Record<DemoCsvFile, string>;
}

async function runDemo(flags: DemoFlags, io: CliIo): Promise<void> {
  const options: ResolvedDemoOptions = { customers: flags.customers, seed: flags.seed, endDate: flags.end, months: flags.months };
  const out = resolve(flags.out);
  ensureDirectory(out);
  const summary = await writeDemoFiles(out, options, io, Boolean(flags.bom));
  if (flags.json) writeJson(io, summary);
  else {
    io.writeOut(
      `Wrote ${summary.customers} customers, ${summary.orders} orders and ${summary.events} events ` +
        `(${summary.period.from} – ${summary.period.to}) to ${out}\n`,
    );
  }
}

/** Streams the data set into the three files; resolves to the counts (data rows, headers excluded). */
export async function writeDemoFiles(out: string, options: ResolvedDemoOptions, io: CliIo, hasBom = false): Promise<DemoSummary> {
  const writers = {
    customers: new LineWriter(resolve(out, 'customers.csv')),
    orders: new LineWriter(resolve(out, 'orders.csv')),
    events: new LineWriter(resolve(out, 'events.csv')),
  };
  const all = Object.values(writers);
  for (const [file, writer] of Object.entries(writers) as [DemoCsvFile, LineWriter][]) {
    if (hasBom) writer.write(UTF8_BOM);
    writer.write(`${demoCsvHeader(file)}\n`);
  }
  try {
    await streamCustomers(writers, options, io);
  } catch (error) {
    for (const writer of all) writer.destroy();
    throw error;
  }
  const period = demoPeriod(options);
  return {
    out,
    customers: writers.customers.lines,
    orders: writers.orders.lines,
    events: writers.events.lines,
    seed: options.seed,
    period: { from: period.startDate, to: period.endDate },
    files: { customers: writers.customers.path, orders: writers.orders.path, events: writers.events.path },
  };
}

async function streamCustomers(writers: Record<DemoCsvFile, LineWriter>, options: ResolvedDemoOptions, io: CliIo): Promise<void> {
  const all = Object.values(writers);
  const progress = createProgress(io, 'demo', options.customers);
  let done = 0;
  for (const demo of generateDemoCustomers(options)) {
    const lines = demoCsvLines(demo);
    writers.customers.writeLine(lines.customer);
    writers.orders.writeLines(lines.orders);
    writers.events.writeLines(lines.events);
    done++;
    for (const writer of all) if (writer.isFull) await writer.flush();
    if (done % 1000 === 0) progress.update(done);
  }
  for (const writer of all) await writer.close();
  progress.finish();
}
