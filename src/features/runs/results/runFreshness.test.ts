import { describe, expect, it } from 'vitest';
import type { Chain } from '../../../domain/chains';
import { runFreshness } from './runFreshness';
import { workedExampleRun } from './testing';

describe('whether a run still describes the chains and data as they are', () => {
  const record = workedExampleRun();
  const chain = record.inputs.chains[0]!.chain;
  const dataVersion = record.inputs.dataVersion;

  it('says nothing while the chain and the data are as they were run (moving or renaming a card does not count)', () => {
    const moved: Chain = { ...chain, nodes: chain.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: node.position.y }, label: `${node.label} (renamed)` })) };
    expect(runFreshness(record, new Map([[chain.id, moved]]), dataVersion)).toEqual({ notices: [], chainIds: [chain.id] });
  });

  it('says the chain was edited after the run, and "Run again" runs it as it is', () => {
    const edited: Chain = { ...chain, edges: chain.edges.slice(1) };
    expect(runFreshness(record, new Map([[chain.id, edited]]), dataVersion)).toEqual({ notices: [{ key: 'runResults.results.chainEdited', params: { name: chain.name } }], chainIds: [chain.id] });
  });

  it('says a deleted chain and changed data, each in its own words', () => {
    const freshness = runFreshness(record, new Map([[chain.id, null]]), dataVersion + 1);
    expect(freshness.notices.map((notice) => notice.key)).toEqual(['runResults.results.chainDeleted', 'runResults.results.dataChanged']);
    expect(freshness.chainIds).toEqual([]);
  });
});
