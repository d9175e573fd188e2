import type { RunState } from './runState';

/**
 * When the projection's drawn responses happen after the message is sent: fixed delays, so a
 * trace reads plainly ("opened 1 h after the email") and "did email_open within 2 days" reacts
 * the same way on every run. An unsubscribe follows the open it came from; an order follows the click.
 */
const MINUTE = 60_000;
export const PROJECTED_DELAYS = { opened: 60 * MINUTE, unsubscribed: 62 * MINUTE, clicked: 65 * MINUTE, converted: 95 * MINUTE } as const;

/** Inserts a synthetic event into the customer's extra events, keeping them in time order (after equal times). */
export function addSyntheticEvent(run: RunState, ts: number, type: number, amount: number, props: Record<string, string>, chain: number, node: number, isConversion: boolean): void {
  const extra = run.moment.extra;
  let at = extra.length;
  while (at > run.moment.extraVisible && extra.ts[at - 1]! > ts) at--;
  extra.ts.splice(at, 0, ts);
  extra.type.splice(at, 0, type);
  extra.amount.splice(at, 0, amount);
  extra.props.splice(at, 0, props);
  run.extraChain.splice(at, 0, chain);
  run.extraNode.splice(at, 0, node);
  run.extraIsConversion.splice(at, 0, isConversion);
  extra.length++;
}
