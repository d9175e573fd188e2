import { describe, expect, it } from 'vitest';
import type { RunListItem } from '../../../engine/simulate/simulateTypes';
import { workedExampleRun } from '../results/testing';
import { chainReach, lastRunOfChains } from './lastRunReach';

function summary(id: string, chainIds: string[], status: 'done' | 'failed' = 'done'): RunListItem {
  return { ok: true, id, name: `Run ${id}`, createdAt: 0, status, period: { from: '2025-03-01', to: '2025-03-31' }, chains: chainIds.map((chainId) => ({ id: chainId, name: chainId })), customers: 0, messages: 0, cost: 0 };
}

describe('what each chain reached in its last run (the CJM map)', () => {
  it('takes each chain’s newest finished run, skipping failed and unreadable ones', () => {
    const items: RunListItem[] = [summary('r3', ['a'], 'failed'), { ok: false, id: 'bad', message: { en: 'x', ru: 'x' } } as RunListItem, summary('r2', ['a', 'b']), summary('r1', ['b', 'c'])];
    const last = lastRunOfChains(items);
    expect(Object.fromEntries([...last].map(([chainId, run]) => [chainId, run.id]))).toEqual({ a: 'r2', b: 'r2', c: 'r1' });
  });

  it('reads the customers who entered the chain from that run’s sums', () => {
    const record = workedExampleRun({}, 'r1');
    const chainId = record.inputs.chains[0]!.chain.id;
    const reach = chainReach(lastRunOfChains([summary('r1', [chainId, 'gone'])]), [record]);
    expect(reach.get(chainId)).toEqual({ runId: 'r1', runName: 'Run r1', customers: record.sums!.chains[0]!.customers });
    expect(record.sums!.chains[0]!.customers).toBe(3);
    expect(reach.has('gone')).toBe(false);
  });
});
