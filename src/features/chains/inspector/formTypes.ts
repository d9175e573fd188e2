import type { NameResolver } from '../../../domain/conditions/names';
import type { ChainNode } from '../../../domain/chains/types';
import type { PlacedIssue } from '../../conditions/conditionEdit';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';

export interface NodeChangeOptions {
  /** typing in one field: successive edits with the same key join one undo step */
  coalesceKey?: string;
  /** out-ports renamed by the edit (old → new), so their edges follow */
  renames?: Readonly<Record<string, string>>;
}

/** What every node form gets from the panel. */
export interface NodeFormProps<N extends ChainNode> {
  node: N;
  change(next: N, options?: NodeChangeOptions): void;
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  /** the node's findings, paths relative to the node (`trigger.event.types` …) */
  issues: readonly PlacedIssue[];
  /** the chain's time zone (its own, else the workspace's) */
  timeZone: string;
  testId: string;
}
