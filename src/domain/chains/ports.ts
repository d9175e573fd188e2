import type { LocalizedText } from '../text';

/**
 * Out-ports of the node kinds (simulation.md "Nodes"). Every node but a trigger has one input;
 * a goal has no out-port. An edge leaves from a named out-port; in a valid chain every out-port
 * has exactly one edge.
 */
export const OUT_PORT = 'out';
export const YES_PORT = 'yes';
export const NO_PORT = 'no';
export const HAPPENED_PORT = 'happened';
export const TIMEOUT_PORT = 'timeout';

export interface PortSpec {
  id: string;
  label: LocalizedText;
  /** a split's holdout branch: customers through it receive nothing downstream */
  isHoldout: boolean;
}

export function port(id: string, en: string, ru: string, isHoldout = false): PortSpec {
  return { id, label: { en, ru }, isHoldout };
}
