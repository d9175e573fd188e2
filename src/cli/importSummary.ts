import type { ImportReport } from '../domain';
import { printable } from './printable';

/** The human summary `chainlab import` prints without `--json`; everything from the file goes through `printable`. */
const LISTED = 10;

function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${printable(delimiter)}"`;
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `"${printable(value)}"`).join(', ');
}

export function summaryText(file: string, report: ImportReport): string {
  const lines: string[] = [];
  const d = report.detected;
  lines.push(`${printable(file)}: ${report.kind}, ${report.read} rows read — ${report.accepted} accepted, ${report.merged} merged, ${report.rejected} rejected; ${report.customers} customers, ${report.events} events`);
  lines.push(`Read as ${d.encoding}${d.bom ? ' with BOM' : ''}, delimiter ${delimiterName(d.delimiter)}, ${d.hasHeader ? 'header row' : 'no header'}${d.dateFormat ? `, dates ${d.dateFormat}${d.dateAmbiguous ? ' (ambiguous)' : ''}` : ''}, times in ${d.timeZone}`);
  lines.push(`Mapping: ${Object.entries(report.mapping).map(([field, column]) => `${field} ← "${printable(column)}"`).join(', ')}`);
  if (report.unmapped.length) lines.push(`Kept as ${report.kind === 'customers' ? 'attributes' : 'props'}: ${quoted(report.unmapped)}`);
  if (report.unusableIds.rows) lines.push(`Ids that identify nobody (placeholders such as "NA", or numbers Excel rounded): ${report.unusableIds.rows} rows, ${report.unusableIds.rejected} rejected`);
  const floatIds = report.floatIds;
  if (floatIds.example) lines.push(`${printable(floatIds.column)}: ${floatIds.ids} ${floatIds.ids === 1 ? 'id written as a decimal' : 'ids written as decimals'} ("${printable(floatIds.example.written)}") ${floatIds.ids === 1 ? 'was read as a whole number' : 'were read as whole numbers'} ("${printable(floatIds.example.read)}")`);
  if (report.farDates.rows) lines.push(`Dates outside ${d.plausibleDates} (${report.farDates.earliest} … ${report.farDates.latest}): ${report.farDates.rows} rows, ${report.farDates.rejected ? `${report.farDates.rejected} rejected` : 'kept, left out of default dates'}`);
  if (report.rejects.length) {
    const shown = Math.min(LISTED, report.rejects.length);
    lines.push(`Rejected rows${report.rejected > shown ? ` (first ${shown} of ${report.rejected})` : ''}:`);
    for (const reject of report.rejects.slice(0, LISTED)) lines.push(`  line ${reject.line}: ${printable(reject.reason)}`);
  }
  if (report.warnings.length) {
    lines.push(`Warnings${report.warningCount > LISTED ? ` (first ${LISTED} of ${report.warningCount})` : ''}:`);
    for (const warning of report.warnings.slice(0, LISTED)) lines.push(`  line ${warning.line}: ${printable(warning.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
