/** The messages sent to the customer, in time order (typed arrays reused from customer to customer). */
export class SentLog {
  count = 0;
  ts = new Float64Array(16);
  chain = new Int32Array(16);
  node = new Int32Array(16);

  add(ts: number, chain: number, node: number): void {
    if (this.count === this.ts.length) {
      const grow = <T extends Float64Array | Int32Array>(array: T, make: (n: number) => T): T => {
        const next = make(array.length * 2);
        next.set(array);
        return next;
      };
      this.ts = grow(this.ts, (n) => new Float64Array(n));
      this.chain = grow(this.chain, (n) => new Int32Array(n));
      this.node = grow(this.node, (n) => new Int32Array(n));
    }
    this.ts[this.count] = ts;
    this.chain[this.count] = chain;
    this.node[this.count++] = node;
  }
}
