import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyOptionChain } from '../chains/testing';
import { randomValidChain } from '../chains/randomChain';
import { createRandom } from '../random';
import { canonicalText, chainFingerprint, resultsFreshness, runChainFingerprints } from './chainFingerprint';

describe('chain fingerprint', () => {
  it('ignores what does not change a result: positions, labels, notes, key order', () => {
    const chain = everyOptionChain();
    const moved = { ...chain, nodes: chain.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: 0 }, label: 'renamed' })), notes: [], name: 'Other name' };
    expect(chainFingerprint(moved)).toBe(chainFingerprint(chain));
    const reordered = { ...chain, settings: Object.fromEntries(Object.entries(chain.settings).reverse()) as typeof chain.settings };
    expect(chainFingerprint(reordered)).toBe(chainFingerprint(chain));
    expect(canonicalText({ b: 1, a: [1, { d: null, c: 'x' }] })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
  });

  it('changes with any edit that changes a result (property: a delay, the cap, an edge)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const chain = randomValidChain(createRandom(seed, 15), { maxNodes: 15 });
        const fingerprint = chainFingerprint(chain);
        expect(chainFingerprint(structuredClone(chain))).toBe(fingerprint);
        expect(chainFingerprint({ ...chain, settings: { ...chain.settings, frequencyCap: { ...chain.settings.frequencyCap, messages: chain.settings.frequencyCap.messages + 1 } } })).not.toBe(fingerprint);
        expect(chainFingerprint({ ...chain, edges: chain.edges.slice(1) })).not.toBe(fingerprint);
        const message = chain.nodes.find((node) => node.kind === 'message');
        if (message?.kind === 'message') expect(chainFingerprint({ ...chain, nodes: chain.nodes.map((node) => (node === message ? { ...message, cost: message.cost + 1 } : node)) })).not.toBe(fingerprint);
      }),
      { numRuns: 50 },
    );
  });
});

describe('results freshness', () => {
  it('current, stale after an edit, gone when the chain was deleted', () => {
    const chain = everyOptionChain();
    const other = { ...everyOptionChain(), id: 'second', name: 'Second' };
    const saved = runChainFingerprints([chain, other]);
    expect(resultsFreshness(saved, [chain, other]).map((state) => state.freshness)).toEqual(['current', 'current']);
    const edited = { ...chain, settings: { ...chain.settings, controlGroupPercent: 20 } };
    expect(resultsFreshness(saved, [edited])).toEqual([
      { chainId: 'every-option', freshness: 'stale', notice: { key: 'runs.results.stale', params: { chainId: 'every-option', name: 'Every option' } } },
      { chainId: 'second', freshness: 'chainGone', notice: { key: 'runs.results.chainGone', params: { chainId: 'second' } } },
    ]);
  });
});
