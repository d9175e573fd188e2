import { buildRfmHistory, type AmountRows, type RfmHistory } from './history';

/** Test helper: a history from plain rows `[customer, ts, amount]`. */
export function historyOf(
  customerCount: number,
  orders: readonly (readonly [number, number, number])[],
  returns: readonly (readonly [number, number, number])[] = [],
  timeZone = 'UTC',
): RfmHistory {
  return buildRfmHistory({ customerCount, timeZone, orders: rows(orders), returns: rows(returns) });
}

function rows(list: readonly (readonly [number, number, number])[]): AmountRows {
  return {
    customer: Int32Array.from(list, (row) => row[0]),
    ts: Float64Array.from(list, (row) => row[1]),
    amount: Float64Array.from(list, (row) => row[2]),
    count: list.length,
  };
}
