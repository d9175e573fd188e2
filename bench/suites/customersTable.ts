import { buildCustomerBlocks, buildEventBlocks, type IndexedEvent } from '../../src/domain';
import { buildCustomerTable, orderCustomers } from '../../src/domain/customers/customerTable';
import { generateDemoCustomers } from '../../src/domain/demo';
import { compareTimes, timeRuns, type BenchSuite } from '../harness';

const CUSTOMERS = 100_000;

/**
 * The Data screen's customers table at 100k customers, in Node (the worker runs the same
 * code): building the table, a search, and a sort by name. Baseline: a plain sort of the same
 * 100k names with the default comparison, the least any sorted view must do.
 */
export const customersTableSuite: BenchSuite = {
  name: 'customers-table',
  description: `customers table search and sort over ${CUSTOMERS.toLocaleString('en-US')} customers, Node`,
  async run({ runs, log }) {
    const customers = [];
    const events: IndexedEvent[] = [];
    const types = new Map<string, number>();
    for (const record of generateDemoCustomers({ customers: CUSTOMERS, seed: 42 })) {
      const index = customers.length;
      customers.push(record.customer);
      for (const event of record.events) {
        if (event.type !== 'order') continue;
        if (!types.has(event.type)) types.set(event.type, types.size);
        events.push({ customer: index, type: types.get(event.type)!, ts: event.ts, amount: event.amount, props: {} });
      }
    }
    const customerBlocks = buildCustomerBlocks(customers);
    const eventBlocks = buildEventBlocks(events);
    log(`${customers.length} customers, ${events.length} orders`);
    const eventTypes = [...types.keys()];
    const table = buildCustomerTable(customerBlocks, eventBlocks, eventTypes);
    const build = await timeRuns(runs, () => buildCustomerTable(customerBlocks, eventBlocks, eventTypes));
    const search = await timeRuns(runs, () => orderCustomers(table, { search: 'mail.ru' }));
    const sort = await timeRuns(runs, () => orderCustomers(table, { search: '', sort: { field: 'name', direction: 'asc' } }));
    const plainSort = await timeRuns(runs, () => [...table.name].sort());
    const baseline = { name: `Array#sort of the ${CUSTOMERS.toLocaleString('en-US')} names`, runs: plainSort };
    return [
      compareTimes({ suite: 'customers-table', name: 'build the table (profiles + order totals)', runs: build }, baseline),
      compareTimes({ suite: 'customers-table', name: 'search "mail.ru" (substring over id, name, e-mail, phone)', runs: search }, baseline),
      compareTimes({ suite: 'customers-table', name: 'sort by name (locale-aware, RU + EN)', runs: sort }, baseline),
    ];
  },
};
