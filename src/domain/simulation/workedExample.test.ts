import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../chains/testing';
import { defaultSimulationSettings } from './settings';
import { simulate } from './runShard';
import { workedExampleData } from './testing';
import { toUnits } from './money';

/** simulation.md "Worked example", exactly: per-node counts, days, totals and B's trace. */
const data = workedExampleData();

function run(traceCustomerId: string | null = null) {
  return simulate(data, [workedExampleChain()], defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow'), { traceCustomerId }).sums;
}

describe('the worked example of simulation.md', () => {
  const sums = run();
  const nodes = sums.chains[0]!.nodes;

  it('counts every node as the spec says', () => {
    expect(nodes.trigger).toMatchObject({ entered: 3, left: { out: 3 }, suppressed: { re_entry: 1 } });
    expect(nodes.wait).toMatchObject({ entered: 3, left: { happened: 1, timeout: 2 }, waiting: 0, ended: 0 });
    expect(nodes.G1).toMatchObject({ entered: 1, ended: 1 });
    expect(nodes.email).toMatchObject({ entered: 2, sent: { email: 1 }, suppressed: { no_consent: 1 }, left: { out: 2 }, ended: 0 });
    expect(nodes.delay).toMatchObject({ entered: 2, left: { out: 2 } });
    expect(nodes.filter).toMatchObject({ entered: 2, left: { yes: 1, no: 1 } });
    expect(nodes.G2).toMatchObject({ entered: 1, ended: 1 });
    expect(nodes.sms).toMatchObject({ entered: 1, sent: { sms: 1 }, left: { out: 1 } });
    expect(nodes.G3).toMatchObject({ entered: 1, ended: 1 });
  });

  it('puts entries, messages, the conversion and the cost on their local days', () => {
    const day = (date: string) => sums.days.find((entry) => entry.date === date)!;
    expect(sums.days).toHaveLength(31);
    expect(day('2025-03-03')).toMatchObject({ entries: 3, messages: {}, conversions: 0, cost: 0 });
    expect(day('2025-03-04')).toMatchObject({ entries: 0, messages: { email: 1, sms: 1 }, conversions: 1, cost: toUnits(3.5), revenue: toUnits(2500) });
    const others = sums.days.filter((entry) => entry.date !== '2025-03-03' && entry.date !== '2025-03-04');
    expect(others.every((entry) => entry.entries === 0 && entry.cost === 0 && entry.conversions === 0 && Object.keys(entry.messages).length === 0)).toBe(true);
  });

  it('totals 2 messages, 1 suppressed, cost 3.5, 1 conversion', () => {
    expect(sums.totals).toMatchObject({ messages: 2, suppressed: 1, cost: toUnits(3.5), conversions: 1, customersReached: 2 });
    expect(sums.totals.suppressedByReason).toEqual({ no_consent: 1 });
  });

  it("traces B's path in order, with reasons", () => {
    const trace = run('B').trace;
    expect(trace.map((entry) => [new Date(entry.ts).toISOString().slice(5, 16), entry.nodeId, entry.decision])).toEqual([
      ['03-03T18:30', 'trigger', 'entered'],
      ['03-03T18:30', 'wait', 'waiting'],
      ['03-03T19:30', 'wait', 'timeout'],
      ['03-03T19:30', 'email', 'held'],
      ['03-04T06:00', 'email', 'sent'],
      ['03-05T06:00', 'delay', 'delay_done'],
      ['03-05T06:00', 'filter', 'yes'],
      ['03-05T06:00', 'G2', 'goal'],
    ]);
    expect(trace[1]!.reason.en).toContain('checkout/order ≤ 1 hour');
    expect(trace[3]!.reason.en).toBe('Email held by quiet hours until 2025-03-04 09:00 local');
    expect(trace[6]!.reason.en).toContain('yes (order 2025-03-04 15:00)');
    expect(trace[6]!.reason.ru).toContain('да');
  });
});
