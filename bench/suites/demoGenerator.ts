import Papa from 'papaparse';
import { demoCsvHeader, demoCsvLines, generateDemoCustomers } from '../../src/domain/demo';
import { median, round, timeRuns, type BenchSuite } from '../harness';

const CUSTOMERS = 20_000;

/**
 * Generator speed in Node (no I/O). Baseline in the same run: papaparse parsing the events
 * CSV of the same customers — the work the importer does to read them back.
 */
export const demoGeneratorSuite: BenchSuite = {
  name: 'demo-generator',
  description: `demo generator, ${CUSTOMERS.toLocaleString('en-US')} customers, Node`,
  async run({ runs, log }) {
    let events = 0;
    const generate = timeRuns(runs, () => {
      events = 0;
      for (const record of generateDemoCustomers({ customers: CUSTOMERS, seed: 42 })) events += record.events.length;
    }, 1);
    const generateRuns = await generate;
    const csv = [...eventsCsvLinesFor(CUSTOMERS)].join('');
    log(`${events} events, events CSV ${(csv.length / 1e6).toFixed(1)} MB`);
    const parseRuns = await timeRuns(runs, () => Papa.parse(csv, { header: true, skipEmptyLines: true }), 1);
    const seconds = median(generateRuns);
    return [
      {
        suite: 'demo-generator',
        name: `generate ${CUSTOMERS.toLocaleString('en-US')} customers (${events.toLocaleString('en-US')} events)`,
        unit: 'customers/s',
        median: Math.round(CUSTOMERS / seconds),
        runs: generateRuns.map((s) => Math.round(CUSTOMERS / s)),
        baseline: { name: 'papaparse parse of the same events CSV', median: round(median(parseRuns)), unit: 's' },
        ratio: round(seconds / median(parseRuns), 2),
        ratioNote: 'generate time / parse time',
        notes: `${Math.round(events / seconds).toLocaleString('en-US')} events/s`,
      },
    ];
  },
};

function* eventsCsvLinesFor(customers: number): Generator<string> {
  yield `${demoCsvHeader('events')}\n`;
  for (const record of generateDemoCustomers({ customers, seed: 42 })) {
    for (const line of demoCsvLines(record).events) yield `${line}\n`;
  }
}
