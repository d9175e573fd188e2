import type { Chain, NodeKind, Position } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';
import { layoutChain } from './autoLayout';
import { addNode, addNote, connect, refusal, insertAtPort, insertOnEdge, removeElements, type ConnectionRequest, type Edited } from './chainEdits';
import { clipboardText, duplicateSelection, fragmentOf, pasteFragment, PASTE_OFFSET, readClipboardText } from './clipboard';
import { useChainEditor } from './editorStore';
import { isNoteFlowId, noteIdOf } from './flowGraph';

/**
 * The editor's commands over the store, shared by the toolbar, the keyboard, the cards' "+"
 * buttons and the canvas callbacks. They read the store when called (no subscriptions).
 */
function apply(edited: Edited | null, options: { coalesceKey?: string } = {}): boolean {
  if (!edited) return false;
  useChainEditor.getState().edit(edited.chain, { select: edited.createdIds, ...options });
  return true;
}

function current(): Chain | null {
  return useChainEditor.getState().chain;
}

export function addNodeAt(kind: NodeKind, position: Position): void {
  const chain = current();
  if (chain) apply(addNode(chain, kind, position));
}

export function addNoteAt(position: Position): void {
  const chain = current();
  if (chain) apply(addNote(chain, position));
}

export function insertNodeOnEdge(edgeId: string, kind: NodeKind): void {
  const chain = current();
  if (chain) apply(insertOnEdge(chain, edgeId, kind));
}

export function insertNodeAtPort(nodeId: string, port: string, kind: NodeKind): void {
  const chain = current();
  if (chain) apply(insertAtPort(chain, nodeId, port, kind));
}

/** Links two nodes, or tells the user why it cannot. */
export function connectNodes(request: ConnectionRequest): LocalizedText | null {
  const chain = current();
  if (!chain) return null;
  const result = connect(chain, request);
  if ('problem' in result) {
    useChainEditor.getState().say(refusal(result.problem), 'warning');
    return result.problem;
  }
  useChainEditor.getState().edit(result.chain);
  return null;
}

export function deleteSelection(): void {
  const { chain, selectedIds, edit } = useChainEditor.getState();
  if (!chain || !selectedIds.size) return;
  const ids = [...selectedIds];
  const nodeIds = new Set(chain.nodes.map((node) => node.id));
  const next = removeElements(chain, {
    nodeIds: ids.filter((id) => nodeIds.has(id)),
    edgeIds: ids.filter((id) => chain.edges.some((edge) => edge.id === id)),
    noteIds: ids.filter(isNoteFlowId).map(noteIdOf),
  });
  edit(next, { select: [] });
}

export function deleteElements(ids: readonly string[]): void {
  useChainEditor.getState().select(ids);
  deleteSelection();
}

/** The selection as clipboard text (a chain file), or null when nothing is selected. */
export function copySelectionText(): { text: string; count: number } | null {
  const { chain, selectedIds } = useChainEditor.getState();
  const fragment = chain && fragmentOf(chain, selectedIds);
  return fragment ? { text: clipboardText(fragment), count: fragment.nodes.length + fragment.notes.length } : null;
}

let pasteCount = 0;

/** Pastes clipboard text; a paste of something that is not a chain says so and changes nothing. */
export function pasteText(text: string): number {
  const state = useChainEditor.getState();
  if (!state.chain) return 0;
  const read = readClipboardText(text);
  if (!read.ok) {
    state.say(read.message, 'warning');
    return 0;
  }
  pasteCount += 1;
  const shift = PASTE_OFFSET * (1 + (pasteCount % 5));
  const edited = pasteFragment(state.chain, read.fragment, { x: shift, y: shift });
  apply(edited);
  return edited.createdIds.length;
}

export function duplicateSelected(): void {
  const { chain, selectedIds } = useChainEditor.getState();
  if (chain) apply(duplicateSelection(chain, selectedIds));
}

/** Tidies up the selected nodes, or the whole chain when fewer than two are selected. */
export function tidyUp(): void {
  const { chain, selectedIds, measured, edit } = useChainEditor.getState();
  if (!chain) return;
  const nodeIds = new Set(chain.nodes.filter((node) => selectedIds.has(node.id)).map((node) => node.id));
  edit(layoutChain(chain, measured, nodeIds.size > 1 ? nodeIds : undefined));
}

export function selectAll(): void {
  const { chain, select } = useChainEditor.getState();
  if (chain) select([...chain.nodes.map((node) => node.id), ...chain.notes.map((note) => `note:${note.id}`)]);
}
