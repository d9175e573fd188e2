import { textTable } from './textTable';

/** The readable summary `chainlab rfm` prints without --json. */
interface RfmJsonLike {
  asOf: string;
  customers: number;
  scored: number;
  periodDays: number | null;
  levels: number;
  method: string;
  monetary: string;
  map: string;
  breaks: { recency: number[]; frequency: number[]; monetary: number[] };
  segments: { segment: string; customers: number; revenue: number; orders: number }[];
  emptyScores: Record<string, { score: number; reason: string | null }[]>;
}

function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

export function rfmSummaryText(json: RfmJsonLike, outPath?: string): string {
  const revenue = json.segments.reduce((sum, segment) => sum + segment.revenue, 0);
  const period = json.periodDays === null ? 'all history' : `${json.periodDays} days`;
  const empty = Object.entries(json.emptyScores).flatMap(([measure, scores]) => scores.map((s) => `${measure} score ${s.score} (${s.reason === 'equalBreaks' ? 'equal breaks: tied values' : s.reason === 'noValues' ? 'no values in its interval' : 'fewer customers than levels'})`));
  const rows = [
    ['segment', 'customers', 'share', 'revenue', 'revenue share', 'avg order'],
    ...json.segments.map((s) => [s.segment, String(s.customers), percent(s.customers, json.customers), s.revenue.toFixed(2), percent(s.revenue, revenue), s.orders ? (s.revenue / s.orders).toFixed(2) : '—']),
  ];
  return [
    `RFM as of ${json.asOf} over ${period}: ${json.scored} of ${json.customers} customers scored (${json.levels} levels, ${json.method}, monetary ${json.monetary}, map ${json.map})`,
    `breaks  R: ${json.breaks.recency.join(', ') || '—'}   F: ${json.breaks.frequency.join(', ') || '—'}   M: ${json.breaks.monetary.join(', ') || '—'}`,
    ...(empty.length ? [`empty scores: ${empty.join('; ')}`] : []),
    '',
    textTable(rows),
    '',
    ...(outPath ? [`Wrote ${json.customers} rows to ${outPath}`, ''] : []),
  ].join('\n');
}
