import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../chains/testing';
import { describeRun, simulationReport, sumsFromReport } from './report';
import { computeSimulationGlobals, runSimulationShard, type SimulationData } from './runShard';
import { planSimulation } from './plan';
import { defaultSimulationSettings } from './settings';
import { mergeSums } from './sums';
import { testData } from './testing';

const customers = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, email: `c${i}@x`, phone: '+7916', consents: { email: i % 3 !== 0, sms: i % 2 === 0 } }));
const events = customers.flatMap((customer, i) => [
  { customer: customer.id, type: 'cart_add', at: `2025-03-${String(1 + (i % 20)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00Z` },
  ...(i % 4 === 0 ? [{ customer: customer.id, type: 'order', at: `2025-03-${String(2 + (i % 20)).padStart(2, '0')}T12:00:00Z`, amount: 999.99 + i / 7 }] : []),
]);

function setup(data: SimulationData) {
  const plan = planSimulation([workedExampleChain()], data.eventTypes, { ...defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow'), projection: true, assumeReachable: false, margin: 0.3 });
  return { plan, globals: computeSimulationGlobals(data, plan) };
}

describe('the run report (cli.md JSON)', () => {
  const data = testData(customers, events);
  const { plan, globals } = setup(data);
  const whole = runSimulationShard(data, plan, globals, { traceCustomerId: 'c4' });
  const report = simulationReport(whole, describeRun(plan), true);

  it('has the contract\'s shape, money as decimals and every node balanced', () => {
    expect(Object.keys(report).slice(0, 6)).toEqual(['period', 'seed', 'chains', 'days', 'totals', 'overlap']);
    expect(report.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    const email = report.chains[0]!.nodes.email!;
    expect(Object.keys(email).slice(0, 6)).toEqual(['entered', 'left', 'waiting', 'ended', 'suppressed', 'sent']);
    expect(report.totals.cost).toBe(report.days.reduce((sum, day) => sum + day.cost * 10_000, 0) / 10_000);
    expect(report.totals.rates.replayedConversionRate).toMatchObject({ numerator: report.totals.conversions, denominator: report.totals.messages, basis: 'replayed', of: 'sent' });
    expect(report.totals.romi.attributed.basis).toBe('replayed');
    expect(report.trace!.length).toBeGreaterThan(0);
    expect(report.trace!.every((entry) => entry.customerId === 'c4')).toBe(true);
  });

  it('reads back into the very sums it was printed from', () => {
    // all but the customer-day rows, which the printed report does not carry (cli.md is unchanged)
    expect(sumsFromReport(JSON.parse(JSON.stringify(report)))).toEqual({ ...whole, customerDays: null });
  });

  it('is the same without the heat map\'s customer-day rows (the command line leaves them out), which are then null', () => {
    expect(whole.customerDays!.customer.length).toBeGreaterThan(0);
    const withoutRows = runSimulationShard(data, plan, globals, { traceCustomerId: 'c4', customerDays: false });
    expect(withoutRows.customerDays).toBeNull();
    expect(withoutRows).toEqual({ ...whole, customerDays: null });
    expect(JSON.stringify(simulationReport(withoutRows, describeRun(plan), true))).toBe(JSON.stringify(report));
  });

  it('shards printed, read back and added print the unsharded bytes', () => {
    const parts = [0, 1, 2].map((index) => simulationReport(runSimulationShard(data, plan, globals, { shard: { index, count: 3 }, traceCustomerId: 'c4' }), describeRun(plan), true));
    const merged = parts.map((part) => sumsFromReport(JSON.parse(JSON.stringify(part)))).reduce(mergeSums);
    expect(JSON.stringify(simulationReport(merged, describeRun(plan), true))).toBe(JSON.stringify(report));
  });
});
