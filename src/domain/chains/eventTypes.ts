import { eventMatchReferences, mapEventMatchTypes } from '../conditions/references';
import { nodeOperations } from './nodes/registry';
import type { Chain } from './types';

/** The event types a chain names (nodes, then the goal), each once, in order of appearance. */
export function chainEventTypes(chain: Chain): string[] {
  const types = new Set<string>();
  for (const node of chain.nodes) for (const reference of nodeOperations(node).references()) if (reference.kind === 'eventType') types.add(reference.name);
  for (const reference of eventMatchReferences(chain.settings.goal.event)) types.add(reference.name);
  return [...types];
}

/** A copy of the chain with every event type (in nodes and the goal) passed through `rename`. */
export function renameChainEventTypes(chain: Chain, rename: (type: string) => string): Chain {
  return {
    ...chain,
    nodes: chain.nodes.map((node) => nodeOperations(node).renameEventTypes(rename)),
    settings: { ...chain.settings, goal: { ...chain.settings.goal, event: mapEventMatchTypes(chain.settings.goal.event, rename) } },
  };
}
