import { describe, expect, it } from 'vitest';
import { contentKey, EventKeyCounter, hash53, KeySet, occurrenceKey, orderKey } from './keys';

describe('KeySet', () => {
  it('holds keys with a number each, grows, and tells what it has', () => {
    const set = new KeySet(4);
    for (let i = 0; i < 10_000; i++) expect(set.add(hash53(`k${i}`), i)).toBe(true);
    expect(set.size).toBe(10_000);
    expect(set.add(hash53('k42'))).toBe(false);
    expect(set.numberOf(hash53('k42'))).toBe(42);
    expect(set.has(hash53('nope'))).toBe(false);
    expect(set.numberOf(hash53('nope'))).toBeNaN();
    expect(set.bump(0)).toBe(0);
    expect(set.bump(0)).toBe(1);
    expect(set.has(0)).toBe(true);
    set.set(hash53('k1'), 7);
    expect(set.numberOf(hash53('k1'))).toBe(7);
    expect(new Set(set.values()).size).toBe(10_001);
  });
});

describe('KeySet against a Map', () => {
  it('agrees with a Map on keys that share their low 32 bits, duplicates and growth', () => {
    const set = new KeySet(2);
    const model = new Map<number, number>();
    const keys: number[] = [];
    for (let i = 0; i < 3_000; i++) keys.push(hash53(`x${i}`), (i % 7) * 4_294_967_296 + (i % 50), 2 ** 52 + i * 4_294_967_296);
    keys.forEach((key, i) => {
      const isNew = !model.has(key);
      expect(set.add(key, i)).toBe(isNew);
      if (isNew) model.set(key, i);
      if (i % 3 === 0) expect(set.bump(key)).toBe(model.get(key));
      if (i % 3 === 0) model.set(key, model.get(key)! + 1);
    });
    expect(set.size).toBe(model.size);
    for (const [key, number] of model) expect(set.numberOf(key)).toBe(number);
    expect(set.has(4_294_967_296 * 9)).toBe(false);
    expect(set.values()).toEqual([...model.keys()]);
  });
});

describe('event keys', () => {
  it('key orders by type and order id, other events by content, and equal rows by occurrence', () => {
    expect(orderKey('order', 'O1')).not.toBe(orderKey('return', 'O1'));
    const a = contentKey('c1', 'page_view', 1000, undefined, { page: '/x', ref: 'ad' });
    expect(contentKey('c1', 'page_view', 1000, undefined, { ref: 'ad', page: '/x' })).toBe(a);
    expect(contentKey('c1', 'page_view', 1000, undefined, { page: '/y', ref: 'ad' })).not.toBe(a);
    expect(contentKey('c1', 'page_view', 1000, 5, { page: '/x', ref: 'ad' })).not.toBe(a);
    expect(occurrenceKey(a, 0)).toBe(a);
    expect(occurrenceKey(a, 1)).not.toBe(a);
    const counter = new EventKeyCounter();
    const first = counter.key('c1', 'page_view', 1000, undefined, { page: '/x' });
    const second = counter.key('c1', 'page_view', 1000, undefined, { page: '/x' });
    expect(second).toBe(occurrenceKey(first, 1));
    expect(counter.key('c9', 'order', 1, 10, { order_id: 'O1' })).toBe(orderKey('order', 'O1'));
  });
});
