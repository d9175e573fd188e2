import { MAX_SPLIT_BRANCHES } from '../../../domain/chains/nodes/split';
import type { SplitBranch, SplitNode } from '../../../domain/chains/types';

/**
 * Edits of the split form. Adding or removing a branch spreads 100 % evenly over the branches
 * (whole percents, the remainder to the first ones): the commonest wish is an even A/B/n, and the
 * live total and the "weights add up to" finding cover any other split the user types.
 */
export function evenWeights(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  const remainder = 100 - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}

function withEvenWeights(branches: SplitBranch[]): SplitBranch[] {
  const weights = evenWeights(branches.length);
  return branches.map((branch, index) => ({ ...branch, weight: weights[index]! }));
}

/** The next branch id and label: a, b, c … z, then b27, b28 … (ids are port names and stay). */
export function nextBranchId(branches: readonly SplitBranch[]): string {
  const taken = new Set(branches.map((branch) => branch.id));
  for (let code = 97; code <= 122; code++) {
    const id = String.fromCharCode(code);
    if (!taken.has(id)) return id;
  }
  for (let n = 27; ; n++) if (!taken.has(`b${n}`)) return `b${n}`;
}

export function canAddBranch(node: SplitNode): boolean {
  return node.branches.length < MAX_SPLIT_BRANCHES;
}

export function addBranch(node: SplitNode): SplitNode {
  if (!canAddBranch(node)) return node;
  const id = nextBranchId(node.branches);
  const branch: SplitBranch = { id, label: id.length === 1 ? id.toUpperCase() : id, weight: 0, isHoldout: false };
  return { ...node, branches: withEvenWeights([...node.branches, branch]) };
}

export function removeBranch(node: SplitNode, branchId: string): SplitNode {
  return { ...node, branches: withEvenWeights(node.branches.filter((branch) => branch.id !== branchId)) };
}

export function evenOut(node: SplitNode): SplitNode {
  return { ...node, branches: withEvenWeights(node.branches) };
}

export function updateBranch(node: SplitNode, branchId: string, change: Partial<Omit<SplitBranch, 'id'>>): SplitNode {
  return { ...node, branches: node.branches.map((branch) => (branch.id === branchId ? { ...branch, ...change } : branch)) };
}
