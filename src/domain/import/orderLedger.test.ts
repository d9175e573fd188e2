import { describe, expect, it } from 'vitest';
import { KeySet } from './keys';
import { OrderLedger } from './rowChecks';

/** Order ids as exports write them: running numbers with and without a prefix, and others. */
function orderIds(count: number): string[] {
  let state = 11;
  const next = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % n;
  };
  const shapes = [
    () => `O${next(3_000)}`,
    () => `O${next(3_000_000)}`,
    () => `O0${next(50)}`,
    () => `${next(2_000)}`,
    () => `X${next(100)}`,
    () => `O${1_000_000_000 + next(5)}`,
    () => `O-${next(20)}`,
    () => 'O',
  ];
  return Array.from({ length: count }, () => shapes[next(shapes.length)]!());
}

describe('OrderLedger', () => {
  it('finds each order and return id as a Map of type and id text does, whatever the ids look like', () => {
    const ledger = new OrderLedger(new KeySet());
    const reference = new Map<string, number>();
    let entries = 0;
    orderIds(30_000).forEach((orderId, line) => {
      const type = line % 7 === 0 ? 'return' : 'order';
      const expected = reference.get(`${type}|${orderId}`) ?? -1;
      expect(ledger.entryOf(type, orderId)).toBe(expected);
      if (expected >= 0) {
        expect(ledger.lineOf(expected)).toBeLessThan(line);
        return;
      }
      ledger.add(type, orderId, line % 13, line * 1000, line / 4, line);
      reference.set(`${type}|${orderId}`, entries++);
    });
    for (const [key, entry] of reference) {
      const [type, orderId] = key.split('|') as [string, string];
      expect(ledger.entryOf(type, orderId)).toBe(entry);
      expect(ledger.slotOf(entry)).toBe(ledger.lineOf(entry) % 13);
      expect(ledger.amountOf(entry)).toBe(ledger.lineOf(entry) / 4);
    }
  });

  it('keeps an order and a return with the same id apart', () => {
    const ledger = new OrderLedger(new KeySet());
    ledger.add('order', 'O5', 0, 1, 10, 2);
    expect([ledger.entryOf('order', 'O5'), ledger.entryOf('return', 'O5'), ledger.entryOf('order', 'O05'), ledger.entryOf('order', '5')]).toEqual([0, -1, -1, -1]);
  });
});
