import { createChain, createNode, type Chain } from '../../../domain/chains';
import type { ChainListItem } from '../../../db';

/** Rows matching the search (name or stage served, case- and ё/е-insensitive), newest edit first. */
export function filterRows(rows: readonly ChainListItem[], query: string, stageName: (stage: string | null) => string): ChainListItem[] {
  const normal = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е');
  const wanted = normal(query.trim());
  return rows
    .filter((row) => !wanted || normal(row.name).includes(wanted) || normal(stageName(row.stage)).includes(wanted))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A blank chain starts with one trigger, so the canvas is never an empty void. */
export function blankChain(id: string, name: string): Chain {
  return { ...createChain(id, name), nodes: [createNode('trigger', 'n1', { x: 0, y: 0 })] };
}
