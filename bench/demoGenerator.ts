/**
 * Speed of the demo generator in Node (no CSV, no I/O): customers/s and events/s.
 *   npx tsx bench/demoGenerator.ts [customers…]      default: 5000 100000
 * The first size also pays for JIT warm-up, as a real first call does.
 */
import { generateDemoCustomers } from '../src/domain/demo';

const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);

for (const customers of sizes.length > 0 ? sizes : [5000, 100_000]) {
  const startedAt = performance.now();
  let events = 0;
  for (const demo of generateDemoCustomers({ customers, seed: 42 })) events += demo.events.length;
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(
    `${customers} customers: ${seconds.toFixed(2)} s, ${Math.round(customers / seconds)} customers/s, ` +
      `${events} events (${(events / customers).toFixed(1)}/customer), ${Math.round(events / seconds)} events/s`,
  );
}
