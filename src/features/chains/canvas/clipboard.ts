import { chainFileText, createChain, nextFreeId, parseChainFileText, type Chain, type ChainEdge, type ChainNode } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';
import type { Edited } from './chainEdits';
import { isNoteFlowId, noteIdOf } from './flowGraph';

/**
 * Copy / paste moves a chain file (cli.md's `chainlab.chain`) through the clipboard, so a
 * selection pasted into another chain, another tab, or saved from the clipboard into a file is
 * read back through `restoreChain` like any file.
 */
export const PASTE_OFFSET = 40;

/** The selected nodes, the links between them and the selected notes, as a chain of their own. */
export function fragmentOf(chain: Chain, selectedIds: ReadonlySet<string>): Chain | null {
  const nodes = chain.nodes.filter((node) => selectedIds.has(node.id));
  const noteIds = new Set([...selectedIds].filter(isNoteFlowId).map(noteIdOf));
  const notes = chain.notes.filter((note) => noteIds.has(note.id));
  if (!nodes.length && !notes.length) return null;
  const inside = new Set(nodes.map((node) => node.id));
  const edges = chain.edges.filter((edge) => inside.has(edge.source) && inside.has(edge.target));
  return { ...createChain(`${chain.id}-copy`, chain.name), settings: chain.settings, nodes, edges, notes };
}

export function clipboardText(fragment: Chain): string {
  return chainFileText(fragment);
}

export type ReadClipboardResult = { ok: true; fragment: Chain; repairs: number } | { ok: false; message: LocalizedText };

/** A chain file from the clipboard; parts that cannot be understood refuse the paste (nothing is half-pasted). */
export function readClipboardText(text: string): ReadClipboardResult {
  const result = parseChainFileText(text);
  if (!result.ok) return { ok: false, message: result.message };
  if (result.setAside.length) {
    const count = result.setAside.length;
    return { ok: false, message: { en: `The clipboard holds ${count} part(s) that cannot be read; nothing was pasted.`, ru: `В буфере обмена ${count} непонятн. част.; ничего не вставлено.` } };
  }
  return { ok: true, fragment: result.chain, repairs: result.repairs.length };
}

/**
 * Adds a fragment to the chain under fresh ids (links follow their nodes), shifted by `offset`.
 * Returns the flow ids of what was pasted, to select them.
 */
export function pasteFragment(chain: Chain, fragment: Chain, offset: { x: number; y: number }): Edited {
  const taken = new Set([...chain.nodes.map((node) => node.id), ...chain.edges.map((edge) => edge.id)]);
  const nodeIds = new Map<string, string>();
  const nodes: ChainNode[] = fragment.nodes.map((node) => {
    const id = nextFreeId('n', taken);
    taken.add(id);
    nodeIds.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges: ChainEdge[] = [];
  for (const edge of fragment.edges) {
    const source = nodeIds.get(edge.source);
    const target = nodeIds.get(edge.target);
    if (!source || !target) continue;
    const id = nextFreeId('e', taken);
    taken.add(id);
    edges.push({ id, source, sourcePort: edge.sourcePort, target });
  }
  const noteTaken = new Set(chain.notes.map((note) => note.id));
  const notes = fragment.notes.map((note) => {
    const id = nextFreeId('note', noteTaken);
    noteTaken.add(id);
    return { ...note, id, position: { x: note.position.x + offset.x, y: note.position.y + offset.y } };
  });
  return {
    chain: { ...chain, nodes: [...chain.nodes, ...nodes], edges: [...chain.edges, ...edges], notes: [...chain.notes, ...notes] },
    createdIds: [...nodes.map((node) => node.id), ...notes.map((note) => `note:${note.id}`)],
  };
}

/** Duplicate = paste a copy of the selection right beside it. */
export function duplicateSelection(chain: Chain, selectedIds: ReadonlySet<string>): Edited | null {
  const fragment = fragmentOf(chain, selectedIds);
  return fragment ? pasteFragment(chain, fragment, { x: PASTE_OFFSET, y: PASTE_OFFSET }) : null;
}
