import { describe, expect, it } from 'vitest';
import { createChain } from '../../../domain/chains';
import { closeStep, COALESCE_MS, EMPTY_HISTORY, recordEdit, redo, undo } from './history';

const version = (name: string) => createChain('c', name);

describe('undo history', () => {
  it('undoes and redoes whole snapshots', () => {
    const [a, b, c] = [version('a'), version('b'), version('c')];
    let history = recordEdit(EMPTY_HISTORY, a, undefined, 0);
    history = recordEdit(history, b, undefined, 1);
    const back = undo(history, c)!;
    expect(back.chain).toBe(b);
    const back2 = undo(back.history, back.chain)!;
    expect(back2.chain).toBe(a);
    expect(undo(back2.history, back2.chain)).toBeNull();
    const forward = redo(back2.history, back2.chain)!;
    expect(forward.chain).toBe(b);
    expect(redo(redo(forward.history, forward.chain)!.history, c)).toBeNull();
  });

  it('groups rapid edits with one key into one step', () => {
    const start = version('');
    let history = recordEdit(EMPTY_HISTORY, start, 'name', 0);
    history = recordEdit(history, version('H'), 'name', 300);
    history = recordEdit(history, version('He'), 'name', 600);
    expect(history.past).toEqual([start]);
    expect(undo(history, version('Hel'))!.chain).toBe(start);
  });

  it('starts a new step after a pause, another key, or a closed step', () => {
    const start = version('');
    const paused = recordEdit(recordEdit(EMPTY_HISTORY, start, 'name', 0), version('a'), 'name', COALESCE_MS + 1);
    expect(paused.past).toHaveLength(2);
    const other = recordEdit(recordEdit(EMPTY_HISTORY, start, 'name', 0), version('a'), 'body', 10);
    expect(other.past).toHaveLength(2);
    const closed = recordEdit(closeStep(recordEdit(EMPTY_HISTORY, start, 'name', 0)), version('a'), 'name', 10);
    expect(closed.past).toHaveLength(2);
  });

  it('a new edit clears redo', () => {
    const history = recordEdit(EMPTY_HISTORY, version('a'), undefined, 0);
    const back = undo(history, version('b'))!;
    expect(back.history.future).toHaveLength(1);
    expect(recordEdit(back.history, back.chain, undefined, 5).future).toEqual([]);
  });
});
