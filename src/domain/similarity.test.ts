import { describe, expect, it } from 'vitest';
import { closestNames, editDistance, nameSimilarity, nameWords } from './similarity';

describe('name similarity', () => {
  it('splits names into words whatever the style', () => {
    expect(nameWords('AddToCart')).toEqual(['add', 'to', 'cart']);
    expect(nameWords('add-to_cart')).toEqual(['add', 'to', 'cart']);
    expect(nameWords('firstName')).toEqual(['first', 'name']);
    expect(nameWords('Добавил в корзину')).toEqual(['добавил', 'в', 'корзину']);
  });

  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('order', 'order')).toBe(0);
  });

  it('scores the same name in another style as 1, unrelated names low', () => {
    expect(nameSimilarity('first_name', 'firstName')).toBe(1);
    expect(nameSimilarity('cart_add', 'add_to_cart')).toBeGreaterThan(0.6);
    expect(nameSimilarity('order', 'page_view')).toBeLessThan(0.3);
  });

  it('offers the closest names, best first, never the name itself', () => {
    const types = ['page_view', 'cart_add', 'cart_view', 'checkout', 'order', 'email_open'];
    expect(closestNames('cart_ad', types)).toEqual(['cart_add', 'cart_view']);
    expect(closestNames('add_to_cart', types)[0]).toBe('cart_add');
    expect(closestNames('orders', types)).toEqual(['order']);
    expect(closestNames('zzz', types)).toEqual([]);
    expect(closestNames('order', types)).toEqual([]);
  });
});
