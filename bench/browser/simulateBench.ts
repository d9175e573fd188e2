import { buildTemplate, type Chain } from '../../src/domain/chains';
import { computeSimulationGlobals, defaultSimulationSettings, planSimulation, runSimulationShard, type SimulationData, type SimulationSettings } from '../../src/domain/simulation';
import { readSimulateBench, simulateBenchBlocks } from './simulateColumns';

/**
 * The simulation engine in Chromium's main thread over the benchmark data (demo-N.bin served
 * next to the page): the same work as the Node side of bench/suites/simulate.ts, and the same
 * floor (one plain pass over the event columns).
 */
let prepared: { data: SimulationData; settings: SimulationSettings; chains: Chain[] } | undefined;

export function simulateBenchChains(): Chain[] {
  return [buildTemplate('abandoned-cart', 'en'), buildTemplate('reactivation', 'en')];
}

/** The run's settings: 12 months ending on the last day of the data, Moscow time, reachability from the profiles. */
export function simulateBenchSettings(lastTs: number): SimulationSettings {
  const to = new Date(lastTs).toISOString().slice(0, 10);
  const from = new Date(lastTs - 364 * 86_400_000).toISOString().slice(0, 10);
  return defaultSimulationSettings(from, to, 'Europe/Moscow');
}

/** One plain pass over the event columns, checking each event's type against what the chains react to. */
export function simulateFloorPass(data: SimulationData, interest: Uint8Array): number {
  let count = 0;
  for (const block of data.events) {
    const type = block.type;
    for (let row = 0; row < block.count; row++) if (interest[type[row]!]) count++;
  }
  return count;
}

/**
 * The engine: plan, globals, every customer; returns the messages sent (a check that it ran).
 * By default the outputs of cli.md, without the heat map's customer-day rows (`customerDays`: a
 * saved run in the app records them too; the bench times that as well, in the row's notes).
 */
export function simulateEngineRun(data: SimulationData, chains: readonly Chain[], settings: SimulationSettings, customerDays = false): { messages: number; customers: number } {
  const plan = planSimulation(chains, data.eventTypes, settings);
  const sums = runSimulationShard(data, plan, computeSimulationGlobals(data, plan), { customerDays });
  return { messages: sums.totals.messages, customers: sums.customers };
}

async function simulatePrepare(url: string): Promise<{ events: number; customers: number }> {
  const raw = readSimulateBench(await (await fetch(url)).arrayBuffer());
  const blocks = simulateBenchBlocks(raw);
  prepared = { data: { ...blocks, eventTypes: raw.header.eventTypes }, settings: simulateBenchSettings(raw.header.lastTs), chains: simulateBenchChains() };
  return { events: raw.header.rows, customers: raw.header.customers.length };
}

function simulateRun(): { engine: number; floor: number; withCustomerDays: number; messages: number; reacting: number } {
  const { data, settings, chains } = prepared!;
  const interest = planSimulation(chains, data.eventTypes, settings).interest;
  let startedAt = performance.now();
  const { messages } = simulateEngineRun(data, chains, settings);
  const engine = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  const reacting = simulateFloorPass(data, interest);
  const floor = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  simulateEngineRun(data, chains, settings, true);
  const withCustomerDays = (performance.now() - startedAt) / 1000;
  return { engine, floor, withCustomerDays, messages, reacting };
}

export const simulateBenchmarks = { simulatePrepare, simulateRun };
