/**
 * A customer's simulated clock: what is due when (timers, held messages, date and inactivity
 * triggers, audience sends, the nightly segment check), as a binary heap ordered by (time,
 * priority, insertion). Priority orders simultaneous items: chain timers before triggers before
 * the nightly check, so a customer who leaves a chain at 10:00 may re-enter at 10:00. Stored in
 * parallel typed arrays reused from customer to customer: no allocation per item.
 */
export const AGENDA_KIND = { timer: 0, trigger: 1, daily: 2 } as const;
export type AgendaKind = (typeof AGENDA_KIND)[keyof typeof AGENDA_KIND];

export class Agenda {
  private ts = new Float64Array(64);
  private rank = new Float64Array(64);
  private kind = new Uint8Array(64);
  private chain = new Int32Array(64);
  private node = new Int32Array(64);
  private token = new Int32Array(64);
  private heap = new Int32Array(64);
  /** slots of popped items, reused before new ones: a stack of `freeCount` */
  private free = new Int32Array(64);
  private freeCount = 0;
  private slots = 0;
  size = 0;
  private sequence = 0;

  clear(): void {
    this.size = 0;
    this.slots = 0;
    this.freeCount = 0;
    this.sequence = 0;
  }

  /** Time of the next item; +∞ when empty. */
  nextTime(): number {
    return this.size ? this.ts[this.heap[0]!]! : Number.POSITIVE_INFINITY;
  }

  push(ts: number, kind: AgendaKind, chain: number, node: number, token: number): void {
    const slot = this.freeCount > 0 ? this.free[--this.freeCount]! : this.slots++;
    if (slot >= this.ts.length) this.grow();
    this.ts[slot] = ts;
    // kind in the high part, insertion order in the low part: one number orders simultaneous items
    this.rank[slot] = kind * 2 ** 40 + this.sequence++;
    this.kind[slot] = kind;
    this.chain[slot] = chain;
    this.node[slot] = node;
    this.token[slot] = token;
    let at = this.size++;
    this.heap[at] = slot;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.isBefore(slot, this.heap[parent]!)) break;
      this.heap[at] = this.heap[parent]!;
      at = parent;
    }
    this.heap[at] = slot;
  }

  /** Removes the next item into `out`. */
  pop(out: AgendaItem): void {
    const top = this.heap[0]!;
    out.ts = this.ts[top]!;
    out.kind = this.kind[top]! as AgendaKind;
    out.chain = this.chain[top]!;
    out.node = this.node[top]!;
    out.token = this.token[top]!;
    this.free[this.freeCount++] = top;
    const last = this.heap[--this.size]!;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.isBefore(this.heap[right]!, this.heap[left]!) ? right : left;
      if (!this.isBefore(this.heap[child]!, last)) break;
      this.heap[at] = this.heap[child]!;
      at = child;
    }
    this.heap[at] = last;
  }

  private isBefore(a: number, b: number): boolean {
    const ta = this.ts[a]!;
    const tb = this.ts[b]!;
    return ta < tb || (ta === tb && this.rank[a]! < this.rank[b]!);
  }

  private grow(): void {
    const size = this.ts.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.ts = grow(this.ts, (n) => new Float64Array(n));
    this.rank = grow(this.rank, (n) => new Float64Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.chain = grow(this.chain, (n) => new Int32Array(n));
    this.node = grow(this.node, (n) => new Int32Array(n));
    this.token = grow(this.token, (n) => new Int32Array(n));
    this.heap = grow(this.heap, (n) => new Int32Array(n));
    this.free = grow(this.free, (n) => new Int32Array(n));
  }
}

export interface AgendaItem {
  ts: number;
  kind: AgendaKind;
  chain: number;
  node: number;
  token: number;
}
