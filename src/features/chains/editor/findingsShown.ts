import type { ChainFinding } from '../../../domain/chains';

/**
 * How many findings are listed until the user asks for all. A large unfinished chain has hundreds
 * (the 300-node benchmark chain: ~230); each is a row of several MUI components, and drawing
 * them all made opening the chain slower while the list box shows about eight at a time anyway.
 */
export const FINDINGS_SHOWN_FIRST = 30;

/** The findings the list shows: errors first (otherwise in the check's order), the first ones only until all are asked for. */
export function findingsShown(findings: readonly ChainFinding[], isAllShown: boolean): { shown: ChainFinding[]; total: number } {
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { shown: isAllShown ? sorted : sorted.slice(0, FINDINGS_SHOWN_FIRST), total: sorted.length };
}
