import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_CONSENT, CHANNEL_CONTACT, restoreChain, type Chain, type MessageChannel } from '../chains';
import { CONSENT_CHANNELS } from '../model';
import { createRandom } from '../random';
import { DAY_MS, localDayNumber, localMinuteOfDay } from '../time';
import { chainArbitrary, populationArbitrary, PROPERTY_PERIOD } from './arbitraries';
import { describeRun, simulationReport } from './report';
import { computeSimulationGlobals, runSimulationShard, simulate, type ShardOptions, type SimulationData } from './runShard';
import { planSimulation } from './plan';
import { defaultSimulationSettings, type SimulationSettings } from './settings';
import { mergeSums, type SimulationSums } from './sums';
import { testData, type TestCustomer, type TestEvent } from './testing';
import type { TraceEntry } from './trace';

/**
 * The seven invariants of simulation.md, as properties over random customers, random event
 * histories and random valid chains (arbitraries.ts).
 */
const RUNS = Number(process.env.SIMULATION_PROPERTY_RUNS ?? 60);

interface Scenario {
  customers: TestCustomer[];
  events: TestEvent[];
  chains: Chain[];
  seed: number;
  projection: boolean;
  assumeReachable: boolean;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  population: populationArbitrary(),
  chains: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(...ids.map((_, i) => chainArbitrary(`chain${i}`)))),
  seed: fc.integer({ min: 0, max: 1000 }),
  projection: fc.boolean(),
  assumeReachable: fc.boolean(),
}).map(({ population, chains, seed, projection, assumeReachable }) => ({ ...population, chains, seed, projection, assumeReachable }));

function settingsOf(scenario: Scenario, timeZone = 'Europe/Moscow'): SimulationSettings {
  return { ...defaultSimulationSettings(PROPERTY_PERIOD.from, PROPERTY_PERIOD.to, timeZone), seed: scenario.seed, projection: scenario.projection, assumeReachable: scenario.assumeReachable };
}

function runTraced(scenario: Scenario, data: SimulationData = testData(scenario.customers, scenario.events)): SimulationSums {
  return simulate(data, scenario.chains, settingsOf(scenario), { isTraced: () => true }).sums;
}

function reportText(data: SimulationData, scenario: Scenario, shardsOf: (run: (options: ShardOptions) => SimulationSums) => SimulationSums): string {
  const plan = planSimulation(scenario.chains, data.eventTypes, settingsOf(scenario));
  const globals = computeSimulationGlobals(data, plan);
  const sums = shardsOf((options) => runSimulationShard(data, plan, globals, options));
  return JSON.stringify(simulationReport(sums, describeRun(plan), false));
}

function sentEntries(trace: readonly TraceEntry[]): TraceEntry[] {
  return trace.filter((entry) => entry.decision === 'sent');
}

function chainOf(scenario: Scenario, id: string): Chain {
  return scenario.chains.find((chain) => chain.id === id)!;
}

function messageChannel(chain: Chain, nodeId: string): MessageChannel {
  const node = chain.nodes.find((item) => item.id === nodeId);
  if (node?.kind !== 'message' || !node.channel) throw new Error(`${nodeId} is not a message with a channel`);
  return node.channel;
}

describe('simulation invariants (property tests)', () => {
  it('generates valid chains', () => {
    fc.assert(
      fc.property(chainArbitrary('x'), (chain) => {
        const restored = restoreChain(JSON.parse(JSON.stringify(chain)), 1);
        expect(restored.ok && restored.setAside.length === 0 && restored.repairs.length === 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('1. conservation: at every node, entered = Σ left + waiting + ended', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const { sums } = simulate(testData(scenario.customers, scenario.events), scenario.chains, settingsOf(scenario));
        for (const chain of sums.chains) {
          for (const [id, node] of Object.entries(chain.nodes)) {
            const left = Object.values(node.left).reduce((a, b) => a + b, 0);
            expect(node.entered, `${chain.id}/${id}`).toBe(left + node.waiting + node.ended);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('2. no message without consent and contact for its channel', () => {
    fc.assert(
      fc.property(scenarioArbitrary.map((scenario) => ({ ...scenario, projection: false, assumeReachable: false })), (scenario) => {
        const sums = runTraced(scenario);
        for (const entry of sentEntries(sums.trace)) {
          const channel = messageChannel(chainOf(scenario, entry.chainId), entry.nodeId);
          const consent = CHANNEL_CONSENT[channel];
          if (consent === null) continue;
          const customer = scenario.customers.find((item) => item.id === entry.customerId)!;
          expect(customer.consents?.[consent], `${entry.customerId} ${channel}`).toBe(true);
          expect(customer[CHANNEL_CONTACT[channel]! as keyof TestCustomer], `${entry.customerId} ${channel} contact`).toBeTruthy();
          const revoked = scenario.events.some((event) => event.customer === entry.customerId && event.type === 'unsubscribe' && Number(event.at) <= entry.ts && (event.props?.channel ?? 'email') === consent);
          expect(revoked, `${entry.customerId} unsubscribed from ${consent}`).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('3. no customer ever exceeds a frequency cap in any window; 4. nothing is sent in quiet hours', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const sums = runTraced(scenario);
        const sent = sentEntries(sums.trace);
        // The cap guards each message of a capped chain when it is sent: it counts what was
        // sent before it (in the order the run decided, which settles equal timestamps) and
        // itself. A later message at the same instant from an uncapped chain is not its breach.
        sent.forEach((entry, index) => {
          const chain = chainOf(scenario, entry.chainId);
          const zone = chain.settings.timeZone ?? 'Europe/Moscow';
          const { frequencyCap: cap, quietHours: quiet } = chain.settings;
          if (cap.isEnabled) {
            const day = localDayNumber(entry.ts, zone);
            const inWindow = sent.slice(0, index + 1).filter((other) => other.customerId === entry.customerId && other.ts <= entry.ts && (cap.window === 'calendar' ? localDayNumber(other.ts, zone) > day - cap.days : other.ts > entry.ts - cap.days * DAY_MS));
            expect(inWindow.length, `${entry.customerId} ${chain.id} cap`).toBeLessThanOrEqual(cap.messages);
          }
          if (quiet.isEnabled && quiet.from !== quiet.to) {
            const minute = localMinuteOfDay(entry.ts, zone);
            const [from, to] = [quiet.from, quiet.to].map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
            const isQuiet = from! < to! ? minute >= from! && minute < to! : minute >= from! || minute < to!;
            expect(isQuiet, `${entry.customerId} ${chain.id} sent at ${new Date(entry.ts).toISOString()}`).toBe(false);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('5. determinism: 1, 2 and 4 workers, hash shards merged, shuffled input rows — identical output', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer(), (scenario, shuffleSeed) => {
        const data = testData(scenario.customers, scenario.events);
        const whole = reportText(data, scenario, (run) => run({}));
        const customerCount = scenario.customers.length;
        for (const workers of [2, 4]) {
          const size = Math.ceil(customerCount / workers);
          const byRange = reportText(data, scenario, (run) => Array.from({ length: workers }, (_, w) => run({ range: { from: w * size, to: (w + 1) * size } })).reduce(mergeSums));
          expect(byRange).toBe(whole);
        }
        const byHash = reportText(data, scenario, (run) => [2, 0, 1].map((index) => run({ shard: { index, count: 3 } })).reduce(mergeSums));
        expect(byHash).toBe(whole);
        const random = createRandom(shuffleSeed);
        const shuffle = <T>(items: readonly T[]) => items.map((item) => ({ item, key: random.next() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
        const shuffled = testData(shuffle(scenario.customers), shuffle(scenario.events), { blockSize: 5, customerBlockSize: 3 });
        expect(reportText(shuffled, scenario, (run) => run({}))).toBe(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('6. no look-ahead: deleting every event after t changes nothing decided up to t', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 20 * 24 * 60 }), (scenario, minute) => {
        const t = Date.parse('2025-03-01T00:00:00Z') + minute * 60_000;
        const before = (trace: TraceEntry[]) => trace.filter((entry) => entry.ts <= t).map((entry) => JSON.stringify(entry));
        const full = runTraced(scenario);
        const cut = runTraced({ ...scenario, events: scenario.events.filter((event) => Number(event.at) <= t) });
        expect(before(cut.trace)).toEqual(before(full.trace));
        const lastWholeDay = localDayNumber(t, 'Europe/Moscow') - 1;
        const days = (sums: SimulationSums) => sums.days.filter((day) => Date.parse(day.date) / DAY_MS <= lastWholeDay);
        expect(days(cut)).toEqual(days(full));
      }),
      { numRuns: RUNS },
    );
  });

  it('7. control and holdout customers receive no messages', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const sums = runTraced(scenario);
        for (const entry of sentEntries(sums.trace)) expect(entry.group, `${entry.customerId} ${entry.chainId}`).toBe('treatment');
        const withheld = sums.chains.reduce((total, chain) => total + Object.values(chain.nodes).reduce((sum, node) => sum + Object.values(node.withheld).reduce((a, b) => a + b, 0), 0), 0);
        expect(withheld).toBe(sums.totals.withheld);
      }),
      { numRuns: RUNS },
    );
  });

  it('consent channels of the model are the ones the guards check', () => {
    expect([...new Set(Object.values(CHANNEL_CONSENT).filter(Boolean))].sort()).toEqual([...CONSENT_CHANNELS].sort());
  });
});
