/**
 * A map from customer ids to numbers (slots, indexes) for a million lookups a file: ids that are
 * plain numbers — most exports' — are keyed by their value, the rest by their text. Number keys
 * cost a fraction of text keys (no hashing or comparing of characters, a fresh string per row).
 */
export class IdIndex {
  private readonly byText = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();

  get(id: string): number | undefined {
    const number = smallNumberOf(id);
    return number < 0 ? this.byText.get(id) : this.byNumber.get(number);
  }

  set(id: string, value: number): void {
    const number = smallNumberOf(id);
    if (number < 0) this.byText.set(id, value);
    else this.byNumber.set(number, value);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * The value of an id written as a plain decimal number of at most 9 digits without a leading
 * zero ("17850", "0"), which no other id text has; -1 for any other id ("007", "C10", "1e5").
 * Nine digits stay below 2^30: a small integer, kept unboxed as a map key.
 */
export function smallNumberOf(id: string): number {
  const length = id.length;
  if (length === 0 || length > 9 || (length > 1 && id.charCodeAt(0) === DIGIT_0)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const code = id.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}
