import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Measurement } from './harness';

const RESULTS_JSON = new URL('./results.json', import.meta.url);
const RESULTS_MD = new URL('./results.md', import.meta.url);

function formatValue(value: number, unit: string): string {
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${unit}`;
}

function row(m: Measurement): string {
  const baseline = m.baseline ? `${m.baseline.name}: ${formatValue(m.baseline.median, m.baseline.unit)}` : '';
  const ratio = m.ratio === undefined ? '' : `${m.ratio}${m.ratioNote ? ` (${m.ratioNote})` : ''}`;
  const target = m.target ? `${m.target} ${m.isTargetMet ? '✅' : '❌'}` : '';
  const cells = [m.suite, m.name, formatValue(m.median, m.unit), m.runs.join(', '), baseline, ratio, target, m.notes ?? ''];
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * Merges this run's measurements into bench/results.json (a suite run replaces that suite's
 * earlier rows) and rewrites bench/results.md from it.
 */
export function writeResults(measurements: Measurement[], machine: string): void {
  const previous: Measurement[] = existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) : [];
  const rerun = new Set(measurements.map((m) => m.suite));
  const all = [...previous.filter((m) => !rerun.has(m.suite)), ...measurements];
  writeFileSync(RESULTS_JSON, `${JSON.stringify(all, null, 2)}\n`);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (${machine}). Medians of the runs listed; ratios compare with a baseline`,
    'measured in the same run on the same machine. Re-run one suite with `npm run bench -- --only <suite>`.',
    '',
    '| suite | measurement | median | runs | baseline (same run) | ratio | target | notes |',
    '|---|---|---|---|---|---|---|---|',
    ...all.map(row),
    '',
  ];
  writeFileSync(RESULTS_MD, lines.join('\n'));
}
