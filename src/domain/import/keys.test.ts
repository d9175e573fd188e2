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
