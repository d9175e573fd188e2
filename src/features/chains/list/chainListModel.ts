import { createChain, createNode, isValid, type Chain } from '../../../domain/chains';
import { chainFindings } from '../canvas/chainFindings';
import type { StoredChainEntry } from '../storage/chainStorage';

/** One row of the Chains list. */
export interface ChainRow {
  id: string;
  name: string;
  stage: string | null;
  nodeCount: number;
  errors: number;
  warnings: number;
  isValid: boolean;
  updatedAt: number;
}

export function chainRow(entry: StoredChainEntry): ChainRow {
  const findings = chainFindings(entry.chain);
  const errors = findings.filter((item) => item.severity === 'error').length;
  return {
    id: entry.chain.id,
    name: entry.chain.name,
    stage: entry.chain.stage,
    nodeCount: entry.chain.nodes.length,
    errors,
    warnings: findings.length - errors,
    isValid: isValid(findings),
    updatedAt: entry.updatedAt,
  };
}

/** Rows matching the search (name, case- and ё/е-insensitive), newest edit first. */
export function filterRows(rows: readonly ChainRow[], query: string, stageName: (stage: string | null) => string): ChainRow[] {
  const normal = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е');
  const wanted = normal(query.trim());
  return rows
    .filter((row) => !wanted || normal(row.name).includes(wanted) || normal(stageName(row.stage)).includes(wanted))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A copy under a new id and name, every node and link kept. */
export function duplicateChain(chain: Chain, id: string, name: string): Chain {
  return { ...structuredClone(chain), id, name };
}

/** A blank chain starts with one trigger, so the canvas is never an empty void. */
export function blankChain(id: string, name: string): Chain {
  return { ...createChain(id, name), nodes: [createNode('trigger', 'n1', { x: 0, y: 0 })] };
}

/** The first of `base`, `base 2`, `base 3` … not taken by another chain. */
export function unusedChainName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map((name) => name.toLocaleLowerCase()));
  if (!names.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`.toLocaleLowerCase())) return `${base} ${n}`;
}
