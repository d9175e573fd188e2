import { createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { csvLine, formatUtcInstant, type CrmEvent, type Customer, type CustomerDirectory, type EventSink, type RejectedRow } from '../domain';
import { LineWriter } from './fileOutput';

/**
 * What `chainlab import` writes besides the report: the normalised records as JSON lines
 * (`--out`) and the rejected rows as CSV (`--rejects`), both streamed to disk while the file
 * is read, so a gigabyte of input (or two million rejected rows) never sits in memory.
 *
 * Both go through a spool file next to the output first, because something is only known at
 * the end: the customers (they come first in `--out`, merged over the whole file) and the
 * final id of a customer first seen by e-mail; the widest rejected row (the `--rejects`
 * header names its extra columns). The spool is read back once, line by line, and removed.
 */
export function customerRecord(customer: Customer): Record<string, unknown> {
  const { signupAt, ...rest } = customer;
  const record: Record<string, unknown> = { record: 'customer', ...rest };
  if (signupAt !== undefined) record.signupAt = formatUtcInstant(signupAt);
  return record;
}

export function eventRecord(event: CrmEvent): Record<string, unknown> {
  const record: Record<string, unknown> = { record: 'event', customerId: event.customerId, type: event.type, ts: formatUtcInstant(event.ts) };
  if (event.amount !== undefined) record.amount = event.amount;
  record.props = event.props;
  return record;
}

function spoolPath(path: string): string {
  return `${path}.chainlab-${process.pid}.part`;
}

/** Reads a spool file back line by line (async, bounded memory). */
async function* spoolLines(path: string): AsyncIterable<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) yield line;
}

/**
 * `--out`: a session's events as they come, tagged with their customer slot; `finish` writes
 * the customers, then every event with its customer's final id. The shape of each line is
 * `eventRecord`'s.
 */
export class RecordsFile {
  private readonly spool: LineWriter;
  private readonly spoolFile: string;

  constructor(private readonly path: string) {
    this.spoolFile = spoolPath(path);
    this.spool = new LineWriter(this.spoolFile, path);
  }

  /** The session's sink: every event straight to the spool. */
  sink(): EventSink {
    const spool = this.spool;
    return {
      add(slot, type, ts, amount, props) {
        const body: Record<string, unknown> = { type, ts: formatUtcInstant(ts) };
        if (!Number.isNaN(amount)) body.amount = amount;
        body.props = props;
        spool.writeLine(`${slot}\t${JSON.stringify(body)}`);
      },
    };
  }

  async flush(): Promise<void> {
    if (this.spool.isFull) await this.spool.flush();
  }

  async finish(customers: readonly Customer[], directory: CustomerDirectory): Promise<void> {
    await this.spool.close();
    await writeFromSpool(this.path, this.spoolFile, async (writer) => {
      for (const customer of customers) {
        writer.writeLine(JSON.stringify(customerRecord(customer)));
        if (writer.isFull) await writer.flush();
      }
      for await (const line of spoolLines(this.spoolFile)) {
        const tab = line.indexOf('\t');
        const id = directory.idOf(Number(line.slice(0, tab)));
        writer.writeLine(`{"record":"event","customerId":${JSON.stringify(id)},${line.slice(tab + 2)}`);
        if (writer.isFull) await writer.flush();
      }
    });
  }

  /** Abandons the output after a failure. */
  discard(): void {
    this.spool.destroy();
    rmSync(this.spoolFile, { force: true });
  }
}

/** Writes the final file from its spool with `fill`; the spool is removed whatever happens, and a failed write is abandoned. */
async function writeFromSpool(path: string, spoolFile: string, fill: (writer: LineWriter) => Promise<void>): Promise<void> {
  const writer = new LineWriter(path);
  try {
    await fill(writer);
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  } finally {
    rmSync(spoolFile, { force: true });
  }
}

/**
 * `--rejects`: `line,reason,` then the file's columns with the row's values as read (extra
 * values in "column N" columns), spreadsheet formulas neutralised. Every rejected row, however
 * many; written even when nothing was rejected, so scripts always find the file.
 */
export class RejectsFile {
  private readonly spool: LineWriter;
  private readonly spoolFile: string;
  private width = 0;

  constructor(
    private readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.spoolFile = spoolPath(path);
    this.spool = new LineWriter(this.spoolFile, path);
    this.width = columns.length;
  }

  add(row: RejectedRow): void {
    if (row.fields.length > this.width) this.width = row.fields.length;
    this.spool.writeLine(csvLine([row.line, row.reason, ...row.fields], { neutralizeFormulas: true }));
  }

  async flush(): Promise<void> {
    if (this.spool.isFull) await this.spool.flush();
  }

  async finish(): Promise<void> {
    await this.spool.close();
    const header = [...this.columns];
    for (let i = this.columns.length; i < this.width; i++) header.push(`column ${i + 1}`);
    await writeFromSpool(this.path, this.spoolFile, async (writer) => {
      writer.writeLine(csvLine(['line', 'reason', ...header], { neutralizeFormulas: true }));
      // csvLine quotes values with line breaks, so a spool line may hold several text lines: copy bytes, not lines.
      for await (const chunk of createReadStream(this.spoolFile, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
        writer.write(chunk);
        if (writer.isFull) await writer.flush();
      }
    });
  }

  discard(): void {
    this.spool.destroy();
    rmSync(this.spoolFile, { force: true });
  }
}
