import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { clipboardText, duplicateSelection, fragmentOf, pasteFragment, readClipboardText } from './clipboard';
import { chainArbitrary } from './testChains';

describe('clipboard', () => {
  it('copies the selection with the links inside it, and pastes it under fresh ids', () => {
    const chain = workedExampleChain();
    const fragment = fragmentOf(chain, new Set(['email', 'delay', 'G1']))!;
    expect(fragment.nodes.map((node) => node.id)).toEqual(['G1', 'email', 'delay']);
    expect(fragment.edges).toEqual([expect.objectContaining({ source: 'email', target: 'delay' })]);
    const read = readClipboardText(clipboardText(fragment));
    if (!read.ok) throw new Error(read.message.en);
    const { chain: pasted, createdIds } = pasteFragment(chain, read.fragment, { x: 40, y: 40 });
    expect(createdIds).toHaveLength(3);
    expect(pasted.nodes).toHaveLength(chain.nodes.length + 3);
    const copyOfEmail = pasted.nodes.find((node) => createdIds.includes(node.id) && node.kind === 'message' && node.channel === 'email')!;
    const original = chain.nodes.find((node) => node.id === 'email')!;
    expect(copyOfEmail.position).toEqual({ x: original.position.x + 40, y: original.position.y + 40 });
    expect(pasted.edges.at(-1)).toMatchObject({ source: copyOfEmail.id, sourcePort: 'out' });
  });

  it('pastes into another chain, and any chain keeps unique ids after a paste', () => {
    fc.assert(
      fc.property(chainArbitrary(6), chainArbitrary(6), (from, into) => {
        const fragment = fragmentOf(from, new Set([...from.nodes.map((node) => node.id), ...from.notes.map((note) => `note:${note.id}`)]));
        if (!fragment) return;
        const read = readClipboardText(clipboardText(fragment));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const { chain } = pasteFragment(into, read.fragment, { x: 0, y: 0 });
        const ids = [...chain.nodes.map((node) => node.id), ...chain.edges.map((edge) => edge.id)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(chain.notes.map((note) => note.id)).size).toBe(chain.notes.length);
        expect(chain.edges).toHaveLength(into.edges.length + from.edges.length);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what is not a chain, and keeps nothing half-pasted', () => {
    expect(readClipboardText('hello')).toMatchObject({ ok: false });
    expect(readClipboardText('{"format":"other"}')).toMatchObject({ ok: false });
    const text = clipboardText(workedExampleChain()).replace('"kind": "goal"', '"kind": "teleport"');
    const read = readClipboardText(text);
    expect(read.ok).toBe(false);
  });

  it('duplicates beside the original', () => {
    const chain = workedExampleChain();
    const result = duplicateSelection(chain, new Set(['sms']))!;
    expect(result.chain.nodes).toHaveLength(chain.nodes.length + 1);
    expect(duplicateSelection(chain, new Set())).toBeNull();
  });
});
