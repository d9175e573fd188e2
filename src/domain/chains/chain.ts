import { defaultChainSettings } from './settings';
import type { Chain } from './types';

/** An empty chain with default settings ("create blank"); the editor adds a trigger. */
export function createChain(id: string, name: string): Chain {
  return { id, name, stage: null, description: '', templateId: null, settings: defaultChainSettings(), nodes: [], edges: [], notes: [] };
}

/** The first id `${prefix}${n}` (n = 1, 2, …) not in `taken`: readable, stable ids for new nodes and edges. */
export function nextFreeId(prefix: string, taken: ReadonlySet<string> | readonly string[]): string {
  const used = taken instanceof Set ? taken : new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}
