import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { chainFileText, parseChainFileText } from './chainFile';
import { buildChainGraph } from './graph';
import { layoutTopDown } from './layout';
import { nodeSummary } from './nodes/registry';
import { randomValidChain } from './randomChain';
import { validateChain } from './validator';

/** Property tests over random valid chains (randomChain.ts): the validator, restore and the layout agree with the generator. */
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const chainOf = (seed: number) => randomValidChain(createRandom(seed, 12), { maxNodes: 25 });

describe('random valid chains', () => {
  it('pass the validator without errors (and use every node kind across runs)', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(seeds, (seed) => {
        const chain = chainOf(seed);
        for (const node of chain.nodes) kinds.add(node.kind);
        expect(validateChain(chain).filter((finding) => finding.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect([...kinds].sort()).toEqual(['filter', 'goal', 'message', 'split', 'timer', 'trigger']);
  });

  it('go through a chain file and back unchanged, with nothing repaired', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const chain = chainOf(seed);
        const read = parseChainFileText(chainFileText(chain));
        expect(read.ok && read.repairs.length === 0 && read.setAside.length === 0).toBe(true);
        expect(read.ok && read.chain).toEqual(chain);
      }),
      { numRuns: 150 },
    );
  });

  it('are summarised in both languages and laid out with every edge going down, except an edge that closes a loop', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const chain = layoutTopDown(chainOf(seed));
        const at = new Map(chain.nodes.map((node) => [node.id, node]));
        for (const node of chain.nodes) {
          const text = nodeSummary(node);
          expect(text.en.length * text.ru.length).toBeGreaterThan(0);
        }
        const graph = buildChainGraph(chain);
        const reaches = (from: string, to: string): boolean => {
          const seen = new Set([from]);
          const queue = [from];
          while (queue.length) for (const edge of graph.outgoing(queue.pop()!)) if (!seen.has(edge.target)) queue.push(...(seen.add(edge.target), [edge.target]));
          return seen.has(to);
        };
        for (const edge of chain.edges) {
          const [source, target] = [at.get(edge.source)!, at.get(edge.target)!];
          if (target.position.y <= source.position.y) expect(reaches(target.id, source.id), edge.id).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
