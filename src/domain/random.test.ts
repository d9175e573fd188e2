import { describe, expect, it } from 'vitest';
import { createRandom, cumulative, hashString, searchCumulative } from './random';

function draws(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

describe('createRandom', () => {
  it('gives the same stream for the same keys and different streams for different keys', () => {
    const a = createRandom(42, 7);
    const b = createRandom(42, 7);
    const streamA = draws(100, () => a.next());
    expect(draws(100, () => b.next())).toEqual(streamA);
    const c = createRandom(42, 8);
    const d = createRandom(7, 42);
    expect(draws(100, () => c.next())).not.toEqual(streamA);
    expect(draws(100, () => d.next())).not.toEqual(streamA);
  });

  it('distinguishes keys above 2^32, negative keys and extra keys', () => {
    const first = (...keys: number[]): number => createRandom(...keys).next();
    expect(first(1_760_000_000_000)).not.toBe(first(1_760_000_000_000 + 2 ** 32));
    expect(first(-5)).not.toBe(first(5));
    expect(first(1)).not.toBe(first(1, 0));
    expect(first(0.5)).not.toBe(first(0));
  });

  it('gives well-spread first values for consecutive keys (no seeding correlation)', () => {
    const firsts = Array.from({ length: 2000 }, (_, key) => createRandom(42, key).next());
    expect(mean(firsts)).toBeGreaterThan(0.47);
    expect(mean(firsts)).toBeLessThan(0.53);
    const buckets = new Array<number>(10).fill(0);
    for (const value of firsts) buckets[Math.floor(value * 10)]!++;
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(150);
  });

  it('keeps next() in [0, 1) and int() within bounds, hitting both ends', () => {
    const random = createRandom(1);
    const values = draws(20_000, () => random.int(3, 7));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(7);
    const uniforms = draws(20_000, () => random.next());
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expect(mean(uniforms)).toBeCloseTo(0.5, 1);
  });

  it('draws normal, lognormal, exponential and Poisson values with the right moments', () => {
    const random = createRandom(2);
    const normals = draws(40_000, () => random.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 1);
    const sd = Math.sqrt(mean(normals.map((value) => (value - 10) ** 2)));
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
    const lognormals = draws(40_000, () => random.lognormal(Math.log(3000), 0.5));
    expect(median(lognormals)).toBeGreaterThan(2900);
    expect(median(lognormals)).toBeLessThan(3100);
    expect(mean(draws(40_000, () => random.exponential(4)))).toBeCloseTo(4, 1);
    expect(mean(draws(40_000, () => random.poisson(2.5)))).toBeCloseTo(2.5, 1);
    expect(mean(draws(20_000, () => random.poisson(100)))).toBeCloseTo(100, 0);
  });

  it('picks by weight', () => {
    const random = createRandom(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) counts[random.weighted(['a', 'b', 'c'] as const, [1, 2, 7])]++;
    expect(counts.a / 30_000).toBeCloseTo(0.1, 1);
    expect(counts.c / 30_000).toBeCloseTo(0.7, 1);
    const table = cumulative([1, 0, 3]);
    const indexes = draws(10_000, () => random.cumulativeIndex(table));
    expect(indexes).not.toContain(1);
    expect(indexes.filter((index) => index === 2).length / 10_000).toBeCloseTo(0.75, 1);
  });

  it('rejects picking from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('hashString is stable and spreads similar ids', () => {
    expect(hashString('C000001')).toBe(hashString('C000001'));
    expect(hashString('C000001')).not.toBe(hashString('C000002'));
    expect(hashString('')).toBeGreaterThanOrEqual(0);
  });

  it('searchCumulative finds the first entry above the value', () => {
    const table = [1, 3, 6];
    expect(searchCumulative(table, 0)).toBe(0);
    expect(searchCumulative(table, 1)).toBe(1);
    expect(searchCumulative(table, 5.9)).toBe(2);
    expect(searchCumulative(table, 99)).toBe(2);
  });
});
