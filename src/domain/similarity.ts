/**
 * "Did you mean …?" for names a user or a template typed that the data does not have
 * (`add_to_cart` vs `cart_add`, `first_name` vs `firstName`). Names are compared by their word
 * parts, whatever the case or separator, and by edit distance of the squashed text.
 */

/** `AddToCart`, `add-to-cart`, `add_to_cart` → ['add', 'to', 'cart']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 0 … 1: 1 for the same words in any order or separator style, less as spelling and words differ. */
export function nameSimilarity(a: string, b: string): number {
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  const squashedA = wordsA.join('');
  const squashedB = wordsB.join('');
  if (!squashedA || !squashedB) return 0;
  if (squashedA === squashedB) return 1;
  const setB = new Set(wordsB);
  const shared = wordsA.filter((word) => setB.has(word)).length;
  const wordScore = (2 * shared) / (wordsA.length + wordsB.length);
  const spelling = 1 - editDistance(squashedA, squashedB) / Math.max(squashedA.length, squashedB.length);
  return Math.max(wordScore, spelling);
}

/** Up to `limit` candidates at least `threshold` similar to `name`, best first (ties: candidate order). */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3, threshold = 0.5): string[] {
  const scored: { candidate: string; score: number; index: number }[] = [];
  let index = 0;
  for (const candidate of candidates) {
    const score = candidate === name ? 0 : nameSimilarity(name, candidate);
    if (score >= threshold) scored.push({ candidate, score, index });
    index++;
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((item) => item.candidate);
}
