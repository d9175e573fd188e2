/**
 * `npm run bench [-- --only suite[,suite]] [--runs N]`: runs the benchmark suites, prints one
 * JSON line per measurement on stdout and writes bench/results.md (and results.json).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Measurement } from './harness';
import { writeResults } from './report';
import { SUITES } from './suites';

const { values } = parseArgs({ options: { only: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(3, Number(values.runs) || 3);
const only = values.only ? new Set(values.only.split(',')) : null;
const unknown = [...(only ?? [])].filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const measurements: Measurement[] = [];
for (const suite of SUITES) {
  if (only && !only.has(suite.name)) continue;
  const tmpDir = new URL(`./tmp/${suite.name}/`, import.meta.url).pathname;
  mkdirSync(tmpDir, { recursive: true });
  console.error(`▶ ${suite.name}: ${suite.description}`);
  const results = await suite.run({ runs, tmpDir, log: (message) => console.error(`  ${message}`) });
  for (const measurement of results) {
    console.log(JSON.stringify(measurement));
    measurements.push(measurement);
  }
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeResults(measurements, machine);
console.error('Wrote bench/results.md');
