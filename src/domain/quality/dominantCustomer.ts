/**
 * A customer holding an implausible share of all orders: almost always not a customer but a
 * stand-in for missing ids ("GUEST", "0", "unknown", a shop's own account) that the placeholder
 * list does not know. Left alone it becomes a Champion and stretches everyone's frequency and
 * monetary scores. The import report and the data-quality screen both flag it by this rule:
 * at least 5 % of all orders, at least 50 orders, among at least 20 customers with orders (a
 * small file's biggest buyer is not suspicious). Real wholesale buyers of public retail data
 * stay under 2 %.
 */
export const DOMINANT_SHARE = 0.05;
const MIN_ORDERS = 50;
const MIN_BUYERS = 20;

export interface DominantCustomer {
  /** index into the counts (slot or customer index) */
  index: number;
  orders: number;
  totalOrders: number;
  /** orders / totalOrders */
  share: number;
}

/** The customer with an implausible share of the orders counted per customer, if any. */
export function dominantCustomer(ordersPerCustomer: ArrayLike<number>): DominantCustomer | undefined {
  let total = 0;
  let buyers = 0;
  let top = -1;
  for (let i = 0; i < ordersPerCustomer.length; i++) {
    const orders = ordersPerCustomer[i]!;
    if (orders <= 0) continue;
    total += orders;
    buyers++;
    if (top < 0 || orders > ordersPerCustomer[top]!) top = i;
  }
  if (top < 0 || buyers < MIN_BUYERS) return undefined;
  const orders = ordersPerCustomer[top]!;
  const share = orders / total;
  return orders >= MIN_ORDERS && share >= DOMINANT_SHARE ? { index: top, orders, totalOrders: total, share } : undefined;
}
