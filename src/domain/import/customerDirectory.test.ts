import { describe, expect, it } from 'vitest';
import { CustomerDirectory } from './customerDirectory';

describe('CustomerDirectory', () => {
  it('keeps numeric, zero-padded and text ids apart, and finds each again', () => {
    const directory = new CustomerDirectory();
    const ids = ['7', '007', 'C7', '1234567890', '70'];
    const slots = ids.map((id) => directory.resolve(id, undefined, undefined));
    expect(new Set(slots).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(directory.resolve(id, undefined, undefined)).toBe(slots[i]);
      expect(directory.peek(id, undefined, undefined)).toBe(slots[i]);
      expect(directory.idOf(slots[i]!)).toBe(id);
    }
    expect(directory.size).toBe(ids.length);
  });

  it('finds stored customers by their numeric ids', () => {
    const directory = new CustomerDirectory([
      { index: 4, id: '17850' },
      { index: 9, id: 'A-1' },
    ]);
    expect(directory.resolve('17850', undefined, undefined)).toBe(4);
    expect(directory.resolve('A-1', undefined, undefined)).toBe(9);
    expect(directory.resolve('17851', undefined, undefined)).toBe(10);
  });

  it('gives a customer first known by e-mail its numeric id, and finds it by that id afterwards', () => {
    const directory = new CustomerDirectory();
    const slot = directory.resolve('', 'anna@example.com', undefined);
    expect(directory.resolve('12345', 'anna@example.com', undefined)).toBe(slot);
    expect(directory.hasRenamedSlots).toBe(true);
    expect(directory.resolve('12345', undefined, undefined)).toBe(slot);
    expect(directory.idOf(slot)).toBe('12345');
  });
});
