import { nodeOperations, type Chain, type ChainFinding } from '../../../domain/chains';

/**
 * The findings the editor shows. INTERIM until issue-12-model's validator lands on main: the
 * node modules' own completeness rules, tied to their nodes. The call sites only know
 * `chainFindings(chain)`; swapping in the full validator changes this file alone.
 */
export function chainFindings(chain: Chain): ChainFinding[] {
  return chain.nodes.flatMap((node) => nodeOperations(node).validate().map((issue): ChainFinding => ({ ...issue, nodeId: node.id })));
}
