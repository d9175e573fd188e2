/**
 * Seeded, keyed pseudo-random numbers (architecture.md habit 1).
 *
 * A generator is created from a list of numeric keys — e.g. (seed, customer index) for the
 * demo data, (seed, customer, node, occurrence) for the simulator — so every consumer gets its
 * own independent stream and results never depend on processing order, chunking or workers.
 * The keys are hashed (murmur3-style mixing) into the 128-bit state of sfc32, a small, fast
 * generator that passes PractRand; both only use 32-bit integer maths, so the same keys give the
 * same numbers in every JavaScript engine.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Index drawn from a cumulative weight table (see `cumulative`), O(log n). */
  cumulativeIndex(cumulativeWeights: readonly number[]): number;
  normal(mean?: number, sd?: number): number;
  /** exp(normal(mu, sigma)): its median is exp(mu). */
  lognormal(mu: number, sigma: number): number;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** Poisson-distributed count with the given mean. */
  poisson(mean: number): number;
}

const TWO_POW_32 = 4294967296;

/** Creates a generator whose whole stream is fixed by the keys (finite numbers; any magnitude). */
export function createRandom(...keys: number[]): Random {
  const state = hashKeys(keys);
  return new Sfc32(state[0], state[1], state[2], state[3]);
}

/** A 32-bit hash of a text, for keying generators by ids (FNV-1a, then mixed). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return fmix32(hash) >>> 0;
}

/** Running sums of weights, the table `cumulativeIndex` samples from. */
export function cumulative(weights: readonly number[]): number[] {
  const sums: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    sums.push(total);
  }
  return sums;
}

/** Index of the first entry of the ascending table that is greater than `value` (clamped). */
export function searchCumulative(table: readonly number[], value: number): number {
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (table[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Splits each key into two 32-bit words (so keys above 2^32, like ms timestamps, still count). */
function keyWords(keys: readonly number[]): number[] {
  const words: number[] = [keys.length];
  for (const key of keys) {
    const value = Number.isFinite(key) ? key : 0;
    const isNegative = value < 0;
    const magnitude = Math.abs(value);
    words.push(magnitude >>> 0, (Math.floor(magnitude / TWO_POW_32) >>> 0) ^ (isNegative ? 0x9e3779b9 : 0));
    if (!Number.isInteger(value)) words.push(Math.floor((magnitude % 1) * TWO_POW_32) >>> 0);
  }
  return words;
}

function hashKeys(keys: readonly number[]): [number, number, number, number] {
  const words = keyWords(keys);
  const lanes = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344];
  for (let lane = 0; lane < 4; lane++) {
    let h = lanes[lane]!;
    for (const word of words) {
      h = Math.imul(h ^ fmix32(word + lane * 0x9e3779b9), 0x5bd1e995);
      h ^= h >>> 15;
    }
    lanes[lane] = fmix32(h) >>> 0;
  }
  return [lanes[0]!, lanes[1]!, lanes[2]!, lanes[3]!];
}

class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = Number.NaN;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 1;
    // Discard the first outputs: they still correlate with the seeding words.
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return items[i]!;
    }
    return this.pick(items);
  }

  cumulativeIndex(cumulativeWeights: readonly number[]): number {
    const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
    return searchCumulative(cumulativeWeights, this.next() * total);
  }

  /** Marsaglia's polar method; the second value of each pair is kept for the next call. */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Knuth's product method for small means, a rounded normal approximation for large ones. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }
}
