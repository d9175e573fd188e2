import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../chains/testing';
import { RUN_RECORD_VERSION, restoreRunRecord, type SimulationRunRecord } from './runRecord';
import { defaultSimulationSettings } from './settings';
import { runSimulationShard, simulate } from './runShard';
import { mergeSums } from './sums';
import { testData } from './testing';

const customers = Array.from({ length: 30 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, email: `c${i}@x.ru`, phone: '+79160000000', consents: { email: true, sms: i % 2 === 0 } }));
const events = customers.flatMap((customer, i) => [
  { customer: customer.id, type: 'cart_add', at: `2025-03-${String(1 + (i % 20)).padStart(2, '0')}T0${i % 10}:10:00Z` },
  { customer: customer.id, type: 'cart_add', at: `2025-03-${String(3 + (i % 20)).padStart(2, '0')}T1${i % 10}:10:00Z` },
]);
const data = testData(customers, events, { blockSize: 7, customerBlockSize: 9 });
const settings = defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow');

function record(): SimulationRunRecord {
  const { sums, globals } = simulate(data, [workedExampleChain()], settings);
  return { version: RUN_RECORD_VERSION, id: 'r', workspaceId: 'w', name: 'n', createdAt: 1, finishedAt: 2, status: 'done', error: null, inputs: { chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings, dataVersion: 1, batchIds: [], workers: 1 }, globals, sums };
}

describe('messages per customer-day in a run', () => {
  const whole = simulate(data, [workedExampleChain()], settings);

  it('are kept sparse, one row per customer-day with messages, and add up to the messages sent', () => {
    const rows = whole.sums.customerDays!;
    expect(whole.sums.totals.messages).toBeGreaterThan(0);
    expect(rows.customer.length).toBe(whole.sums.overlap.customerDaysWithMessages);
    expect(rows.messages.reduce((a, b) => a + b, 0)).toBe(whole.sums.totals.messages);
    expect(rows.messages.every((count) => count > 0)).toBe(true);
    const severalDays = rows.messages.filter((count) => count > 1).length;
    expect(severalDays).toBe(whole.sums.overlap.customerDaysWithSeveralMessages);
    for (let i = 1; i < rows.customer.length; i++) expect(rows.customer[i - 1]! <= rows.customer[i]!).toBe(true);
  });

  it('are the same however the customers are sharded (ranges or hash shards, merged in any order)', () => {
    const ranges = [0, 7, 19, 30].slice(0, -1).map((from, i) => runSimulationShard(data, whole.plan, whole.globals, { range: { from, to: [7, 19, 30][i]! } }));
    expect(ranges.reduce(mergeSums).customerDays).toEqual(whole.sums.customerDays);
    const hashed = [0, 1, 2].map((index) => runSimulationShard(data, whole.plan, whole.globals, { shard: { index, count: 3 } }));
    expect([hashed[2]!, hashed[0]!, hashed[1]!].reduce(mergeSums).customerDays).toEqual(whole.sums.customerDays);
  });
});

describe('a saved run record', () => {
  it('reads back as it was saved', () => {
    const saved = record();
    expect(restoreRunRecord(structuredClone(saved))).toEqual({ ok: true, record: saved });
  });

  it('of format 1 (before customer-day rows) reads with the rows not recorded, never made up', () => {
    const saved = record();
    const { customerDays: _dropped, ...sums } = saved.sums!;
    void _dropped;
    const restored = restoreRunRecord({ ...structuredClone(saved), version: 1, sums });
    expect(restored.ok).toBe(true);
    if (restored.ok) {
      expect(restored.record.version).toBe(2);
      expect(restored.record.sums!.customerDays).toBeNull();
      expect(restored.record.sums!.totals).toEqual(saved.sums!.totals);
    }
  });

  it('with damaged customer-day rows is reported with where', () => {
    const saved = structuredClone(record());
    saved.sums!.customerDays!.day.push(3);
    const restored = restoreRunRecord(saved);
    expect(restored).toMatchObject({ ok: false });
    if (!restored.ok) expect(restored.message.en).toMatch(/sums\.customerDays.*different lengths/);
    const negative = structuredClone(record());
    negative.sums!.customerDays!.messages[0] = -1;
    expect(restoreRunRecord(negative)).toMatchObject({ ok: false });
  });
});
