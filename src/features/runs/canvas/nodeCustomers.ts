import type { ChainNode } from '../../../domain/chains';
import { csvText } from '../../../domain/csv/csvWrite';
import { sumOf, type NodeFigures } from '../../../domain/runs';
import type { NodeCollection } from '../../../engine/simulate/simulateTypes';

/**
 * The customers-at-a-node dialog's logic: which figures a node offers (with their counts from the
 * run's sums), the search over the listed ids, and the CSV of them.
 */
export const NODE_CUSTOMERS_LIMIT = 100_000;

/** The figures a node of this kind can list: who got, was stopped from or held back from a message only at message nodes. */
export function nodeCollections(node: ChainNode, figures: NodeFigures): { what: NodeCollection; count: number }[] {
  const all: { what: NodeCollection; count: number }[] = [
    { what: 'entered', count: figures.entered },
    { what: 'waiting', count: figures.waiting },
    { what: 'ended', count: figures.ended },
  ];
  if (node.kind === 'message') {
    all.push({ what: 'sent', count: sumOf(figures.sent) }, { what: 'suppressed', count: sumOf(figures.suppressed) });
    const withheld = sumOf(figures.withheld);
    if (withheld > 0) all.push({ what: 'withheld', count: withheld });
  }
  // Waiting and ended only where someone can be (a timer waits; every node but a message can end a path).
  return all.filter((item) => item.what === 'entered' || item.count > 0 || item.what === 'sent');
}

/** The ids matching every word of the search (case-insensitive, ё = е), in the listed order. */
export function searchIds(ids: readonly string[], search: string): string[] {
  const normal = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е');
  const words = normal(search).split(/\s+/).filter(Boolean);
  if (!words.length) return [...ids];
  return ids.filter((id) => {
    const text = normal(id);
    return words.every((word) => text.includes(word));
  });
}

/** The listed customers as CSV: one id a row with the run, chain, node and figure (formulas neutralised). */
export function nodeCustomersCsv(ids: readonly string[], context: { runId: string; chainId: string; nodeId: string; what: NodeCollection }): string {
  return csvText([['customer_id', 'run_id', 'chain_id', 'node_id', 'figure'], ...ids.map((id) => [id, context.runId, context.chainId, context.nodeId, context.what])]);
}

/** A file name that says what it holds: customers-<node>-<figure>-<run>.csv. */
export function nodeCustomersFileName(nodeId: string, what: NodeCollection, runId: string): string {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `customers-${slug(nodeId)}-${what}-${slug(runId)}.csv`;
}
