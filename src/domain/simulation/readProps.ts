import type { Chain } from '../chains';
import { JOURNEY_PROPS } from '../journey';

/**
 * The event props a run of `chains` can read: the journey's (the channel — also what an
 * unsubscribe withdraws — and the NPS score, for stages) and every prop a condition of the
 * chains names (`prop` tests of triggers, wait-fors, filters and goals; category spend). A
 * reader that keeps only these (the command line, over big files) drops nothing the run looks
 * at, and spends no time or memory on the rest (order ids, promo codes …). The chains are walked
 * as plain data, so a condition added anywhere later is found without a list to keep up.
 */
export function propsReadByChains(chains: readonly Chain[]): Set<string> {
  const keys = new Set<string>(JOURNEY_PROPS);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if ((record.type === 'prop' || record.type === 'categorySpend') && typeof record.key === 'string') keys.add(record.key);
    for (const key in record) visit(record[key]);
  };
  visit(chains);
  return keys;
}
