import { validateChain, type Chain, type ChainFinding } from '../../../domain/chains';
import type { WorkspaceVocabulary } from '../../../domain/conditions';

/**
 * The findings the editor shows: the chain validator's (graph, nodes, settings), and with the
 * workspace's vocabulary also the names its data lacks, with the closest ones.
 */
export function chainFindings(chain: Chain, vocabulary: WorkspaceVocabulary | null = null): ChainFinding[] {
  return validateChain(chain, vocabulary ? { vocabulary } : {});
}
