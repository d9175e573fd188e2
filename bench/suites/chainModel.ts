import { chainFileText, parseChainFileText, validateChain } from '../../src/domain/chains';
import { randomValidChain } from '../../src/domain/chains/randomChain';
import { demoVocabulary } from '../../src/domain/chains/testing';
import { createRandom } from '../../src/domain/random';
import { median, round, timeRuns, type BenchSuite, type Measurement } from '../harness';

const NODES = 300;
const CALLS = 20;
const FRAME_MS = 16;

/**
 * The chain model's work the editor does on every edit of a large chain: validate it (findings
 * beside the canvas, badges on cards) and check it on autosave (write the file text, read it back
 * through restoreChain). Node, a random valid chain of ~300 nodes; per call, median of the runs.
 * Baseline in the same run: a plain JSON round trip of the same chain.
 */
export const chainModelSuite: BenchSuite = {
  name: 'chain-model',
  description: `chain model on a ${NODES}-node chain: validate, file round trip (Node)`,
  async run({ runs, log }) {
    const chain = randomValidChain(createRandom(7, 300), { minNodes: NODES, maxNodes: NODES });
    const vocabulary = demoVocabulary(2000);
    const text = chainFileText(chain);
    log(`${chain.nodes.length} nodes, ${chain.edges.length} edges, file ${(text.length / 1024).toFixed(0)} KB`);
    const perCall = (seconds: number[]) => seconds.map((value) => (value * 1000) / CALLS);
    const repeat = (work: () => unknown) => () => {
      for (let call = 0; call < CALLS; call++) work();
    };
    const jsonRuns = perCall(await timeRuns(runs, repeat(() => JSON.parse(JSON.stringify(chain))), 1));
    const validateRuns = perCall(await timeRuns(runs, repeat(() => validateChain(chain, { vocabulary })), 1));
    const roundTripRuns = perCall(await timeRuns(runs, repeat(() => parseChainFileText(chainFileText(chain))), 1));
    const baseline = { name: 'JSON.stringify + JSON.parse of the same chain', median: round(median(jsonRuns), 3), unit: 'ms' };
    const measure = (name: string, values: number[]): Measurement => {
      const value = median(values);
      return {
        suite: 'chain-model',
        name,
        unit: 'ms',
        median: round(value, 2),
        runs: values.map((item) => round(item, 2)),
        baseline,
        ratio: round(value / baseline.median, 1),
        target: `≤ ${FRAME_MS} ms (one frame)`,
        isTargetMet: value <= FRAME_MS,
        notes: `${chain.nodes.length} nodes`,
      };
    };
    return [measure('validateChain with the workspace vocabulary', validateRuns), measure('chain file text → parseChainFileText (restore)', roundTripRuns)];
  },
};
