import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda, type AgendaItem, type AgendaKind } from './agenda';

/** What the agenda must give back: the pending items by (time, kind, insertion). */
type Pending = AgendaItem & { order: number };

function popAll(agenda: Agenda): AgendaItem[] {
  const items: AgendaItem[] = [];
  while (agenda.nextTime() !== Number.POSITIVE_INFINITY) {
    const out: AgendaItem = { ts: 0, kind: 0, chain: 0, node: 0, token: 0 };
    agenda.pop(out);
    items.push(out);
  }
  return items;
}

const operation = fc.oneof(
  fc.record({ ts: fc.integer({ min: 0, max: 20 }), kind: fc.constantFrom<AgendaKind>(0, 1, 2), chain: fc.nat(9), node: fc.nat(9), token: fc.nat(99) }),
  fc.constant('pop' as const),
  fc.constant('clear' as const),
);

describe('the agenda of a customer', () => {
  it('gives items back by time, then timers before triggers before the nightly check, then in the order they came', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 400 }), (operations) => {
        const agenda = new Agenda();
        let pending: Pending[] = [];
        let order = 0;
        for (const op of operations) {
          if (op === 'clear') {
            agenda.clear();
            pending = [];
          } else if (op === 'pop') {
            pending.sort((a, b) => a.ts - b.ts || a.kind - b.kind || a.order - b.order);
            expect(agenda.nextTime()).toBe(pending[0]?.ts ?? Number.POSITIVE_INFINITY);
            if (!pending.length) continue;
            const { order: _, ...expected } = pending.shift()!;
            const out: AgendaItem = { ts: -1, kind: 0, chain: -1, node: -1, token: -1 };
            agenda.pop(out);
            expect(out).toEqual(expected);
          } else {
            agenda.push(op.ts, op.kind, op.chain, op.node, op.token);
            pending.push({ ...op, order: order++ });
          }
        }
        pending.sort((a, b) => a.ts - b.ts || a.kind - b.kind || a.order - b.order);
        expect(popAll(agenda)).toEqual(pending.map(({ order: _, ...item }) => item));
      }),
    );
  });

  it('keeps hundreds of pending items, and its order, while items come and go', () => {
    const agenda = new Agenda();
    for (let k = 0; k < 300; k++) agenda.push(1000 - k, 0, k, 0, 0);
    const out: AgendaItem = { ts: 0, kind: 0, chain: 0, node: 0, token: 0 };
    for (let k = 0; k < 100; k++) agenda.pop(out);
    for (let k = 0; k < 300; k++) agenda.push(2000 + k, 1, k, 0, 0);
    const rest = popAll(agenda);
    expect(rest).toHaveLength(500);
    expect(rest[0]!.ts).toBe(801);
    expect(rest.map((item) => item.ts)).toEqual([...rest.map((item) => item.ts)].sort((a, b) => a - b));
    expect(rest.at(-1)).toEqual({ ts: 2299, kind: 1, chain: 299, node: 0, token: 0 });
  });
});
