import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage';

/** A weak reference to a large column nothing else holds (WeakRef targets stay alive until the current job ends). */
function deadColumn(): WeakRef<Float64Array> {
  return new WeakRef(new Float64Array(1_000_000));
}

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, now, without node --expose-gc (and again on a second call)', async () => {
    for (let call = 0; call < 2; call++) {
      const column = deadColumn();
      await nextTurn();
      collectGarbage();
      expect(column.deref()).toBeUndefined();
    }
  });

  it('keeps what is still referred to', async () => {
    const kept = new Float64Array(10).fill(7);
    const column = new WeakRef(kept);
    await nextTurn();
    collectGarbage();
    expect(column.deref()?.[9]).toBe(7);
  });
});
