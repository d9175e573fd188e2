import { readFileSync } from 'node:fs';
import { readSimulateBench, simulateBenchBlocks } from '../browser/simulateColumns';
import { compareTimes, median, timeRuns, type BenchSuite, type Measurement } from '../harness';
import { evaluateAudience, prepareAudienceData, type AudienceData } from '../../src/domain/audiences/evaluate';
import { allOf, compare, events } from '../../src/domain/conditions/build';
import type { ConditionGroup } from '../../src/domain/conditions/types';
import { defaultSimulationSettings } from '../../src/domain/simulation/settings';
import { prepareSimulateData } from './simulateData';

/**
 * Saved audiences (issue 15): the time from a condition change to the new count — what the
 * audiences worker does on each settled keystroke, with the data and the nightly RFM / journey
 * state already prepared (they are built once per data version) — for the demo (5,000 customers)
 * and for 100,000 demo-shaped customers over 12 months (millions of events), against one plain
 * pass over the same event columns (per customer: orders and the last event), measured in the
 * same run. Target: under 300 ms for 100,000 customers.
 */
const CONDITIONS: { name: string; condition: ConditionGroup }[] = [
  {
    name: 'bought twice, not in Champions, consents to email',
    condition: allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }, { type: 'rfmSegment', op: 'notIn', segments: ['champions'] }, { type: 'consent', channel: 'email', states: ['yes'] }),
  },
  {
    name: 'cart in the last 7 days, no order, 30+ days since the last email open',
    condition: allOf({ type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 1, days: 7 }, { type: 'orderCount', compare: compare('eq', 0), days: 7 }, { type: 'daysSinceLastEvent', event: events('email_open'), compare: compare('gte', 30) }),
  },
];

/** The floor: one pass over the event columns a count has to read at least once (orders and the last event per customer). */
function plainPass(data: AudienceData, customerCount: number): number {
  const order = data.eventTypes.indexOf('order');
  const orders = new Int32Array(customerCount);
  const last = new Float64Array(customerCount);
  for (const block of data.events) {
    for (let i = 0; i < block.count; i++) {
      const c = block.customer[i]!;
      if (block.type[i] === order) orders[c]!++;
      if (block.ts[i]! > last[c]!) last[c] = block.ts[i]!;
    }
  }
  let buyers = 0;
  for (let c = 0; c < customerCount; c++) if (orders[c]! >= 2) buyers++;
  return buyers;
}

async function measure(path: string, label: string, runs: number, target: number | undefined, log: (message: string) => void): Promise<Measurement[]> {
  const raw = readSimulateBench(new Uint8Array(readFileSync(path)).buffer);
  const data: AudienceData = { ...simulateBenchBlocks(raw), eventTypes: raw.header.eventTypes };
  const customers = raw.header.customers.length;
  const { timeZone, rfm, journey } = defaultSimulationSettings('2025-01-01', '2025-01-02', 'Europe/Moscow');
  const prepared = prepareAudienceData(data, { timeZone, rfm, journey }, raw.header.lastTs + 86_400_000);
  const prepareRuns = await timeRuns(1, () => prepared.segments());
  log(`${label}: ${customers.toLocaleString('en-US')} customers, ${raw.header.rows.toLocaleString('en-US')} events; RFM and journey state prepared once in ${prepareRuns[0]!.toFixed(2)} s`);
  const floor = await timeRuns(runs, () => plainPass(data, customers), 1);
  const measurements: Measurement[] = [];
  for (const { name, condition } of CONDITIONS) {
    let size = 0;
    const count = await timeRuns(runs, () => (size = evaluateAudience(prepared, condition, { asOf: null }).size), 1);
    measurements.push({
      ...compareTimes({ suite: 'audiences', name: `count “${name}”, ${label}`, runs: count, notes: `${size.toLocaleString('en-US')} of ${customers.toLocaleString('en-US')} customers; ${raw.header.rows.toLocaleString('en-US')} events; data and RFM/journey state prepared once (${prepareRuns[0]!.toFixed(2)} s)` }, { name: 'one plain pass over the event columns', runs: floor }),
      ...(target === undefined ? {} : { target: `≤ ${target} s`, isTargetMet: median(count) <= target }),
    });
  }
  return measurements;
}

export const audiencesSuite: BenchSuite = {
  name: 'audiences',
  description: 'saved audiences: time from a condition change to the new count, demo and 100k customers, vs one plain pass over the same event columns',
  async run({ runs, tmpDir, log }) {
    const demo = await prepareSimulateData(tmpDir, 5_000, log);
    const large = await prepareSimulateData(tmpDir, 100_000, log);
    return [...(await measure(demo, 'demo (5,000 customers)', Math.max(runs, 3), undefined, log)), ...(await measure(large, '100,000 customers', Math.max(runs, 3), 0.3, log))];
  },
};
