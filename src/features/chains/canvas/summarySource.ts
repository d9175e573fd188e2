import { nodeSummary, type ChainNode } from '../../../domain/chains';
import { DEFAULT_NAMES, type NameResolver } from '../../../domain/conditions/names';
import type { LocalizedText } from '../../../domain/text';

/**
 * The node cards' plain-words summaries with the workspace's current names. The names change
 * once after the canvas is first drawn (the journey settings load with the renamed stages);
 * cards read their summary through `subscribe` / `summary` (useSyncExternalStore) instead of a
 * context holding the names, so that a change re-renders only the cards whose text differs —
 * not all of a 300-node chain's cards again.
 */
export interface SummarySource {
  summary(node: ChainNode): LocalizedText;
  subscribe(listener: () => void): () => void;
  setNames(names: NameResolver): void;
}

export function createSummarySource(initial: NameResolver = DEFAULT_NAMES): SummarySource {
  let names = initial;
  // Per node object (a changed node is a new object): the names its summary was made with.
  let cache = new WeakMap<ChainNode, LocalizedText>();
  const listeners = new Set<() => void>();
  return {
    summary(node) {
      let text = cache.get(node);
      if (!text) {
        text = nodeSummary(node, names);
        cache.set(node, text);
      }
      return text;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setNames(next) {
      if (next === names) return;
      names = next;
      cache = new WeakMap();
      for (const listener of listeners) listener();
    },
  };
}
