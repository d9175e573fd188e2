import { csvLine, formatUtcInstant, type CrmEvent, type Customer, type ImportReport, type RejectedRow } from '../domain';
import { LineWriter } from './fileOutput';

/**
 * What `chainlab import` writes besides the report: the normalised records as JSON lines
 * (`--out`), the rejected rows as CSV (`--rejects`), and the summary people read.
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

/** One JSON object a line: customers first, then events; `ts` and `signupAt` as ISO 8601 UTC. */
export async function writeRecords(path: string, customers: readonly Customer[], events: readonly CrmEvent[]): Promise<void> {
  const writer = new LineWriter(path);
  try {
    for (const customer of customers) {
      writer.writeLine(JSON.stringify(customerRecord(customer)));
      if (writer.isFull) await writer.flush();
    }
    for (const event of events) {
      writer.writeLine(JSON.stringify(eventRecord(event)));
      if (writer.isFull) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
}

/**
 * The rejected rows: `line,reason,` then the file's columns with the row's values as read
 * (extra values in "column N" columns), spreadsheet formulas neutralised. Written even when
 * nothing was rejected, so scripts always find the file.
 */
export async function writeRejects(path: string, columns: readonly string[], rows: readonly RejectedRow[]): Promise<void> {
  const width = rows.reduce((max, row) => Math.max(max, row.fields.length), columns.length);
  const header = [...columns];
  for (let i = columns.length; i < width; i++) header.push(`column ${i + 1}`);
  const writer = new LineWriter(path);
  try {
    writer.writeLine(csvLine(['line', 'reason', ...header], { neutralizeFormulas: true }));
    for (const row of rows) {
      writer.writeLine(csvLine([row.line, row.reason, ...row.fields], { neutralizeFormulas: true }));
      if (writer.isFull) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
}

const LISTED = 10;

function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/** The human summary printed without `--json`. */
export function summaryText(file: string, report: ImportReport): string {
  const lines: string[] = [];
  const d = report.detected;
  lines.push(`${file}: ${report.kind}, ${report.read} rows read — ${report.accepted} accepted, ${report.merged} merged, ${report.rejected} rejected; ${report.customers} customers, ${report.events} events`);
  lines.push(`Read as ${d.encoding}${d.bom ? ' with BOM' : ''}, delimiter ${delimiterName(d.delimiter)}, ${d.hasHeader ? 'header row' : 'no header'}${d.dateFormat ? `, dates ${d.dateFormat}${d.dateAmbiguous ? ' (ambiguous)' : ''}` : ''}, times in ${d.timeZone}`);
  lines.push(`Mapping: ${Object.entries(report.mapping).map(([field, column]) => `${field} ← "${column}"`).join(', ')}`);
  if (report.unmapped.length) lines.push(`Kept as ${report.kind === 'customers' ? 'attributes' : 'props'}: ${report.unmapped.map((c) => `"${c}"`).join(', ')}`);
  if (report.rejects.length) {
    lines.push(`Rejected rows${report.rejects.length > LISTED ? ` (first ${LISTED} of ${report.rejects.length})` : ''}:`);
    for (const reject of report.rejects.slice(0, LISTED)) lines.push(`  line ${reject.line}: ${reject.reason}`);
  }
  if (report.warnings.length) {
    lines.push(`Warnings${report.warningCount > LISTED ? ` (first ${LISTED} of ${report.warningCount})` : ''}:`);
    for (const warning of report.warnings.slice(0, LISTED)) lines.push(`  line ${warning.line}: ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}
