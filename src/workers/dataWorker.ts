/// <reference lib="webworker" />
import { getDatabase, loadDataset, writeDataBatch } from '../db';
import { generateDemoCustomers } from '../domain/demo';
import { buildCustomerTable, customerPage, orderCustomers, type CustomerQuery, type CustomerTable } from '../domain/customers/customerTable';
import type { CrmEvent, Customer } from '../domain';
import { serveHandlers, type HandlerContext, type HandlerMap } from './rpc';

/** The customers table of the last workspace asked for, rebuilt when its data version changes. */
let cachedTable: { key: string; table: Promise<CustomerTable> } | undefined;
/** The display order of the last search and sort, so paging through it does not sort again. */
let cachedOrder: { key: string; indexes: Int32Array } | undefined;

function customerTable(workspaceId: string, dataVersion: number): Promise<CustomerTable> {
  const key = `${workspaceId}:${dataVersion}`;
  if (cachedTable?.key !== key) {
    cachedOrder = undefined;
    const table = loadDataset(getDatabase(), workspaceId).then((d) => buildCustomerTable(d.customers, d.events, d.eventTypes));
    cachedTable = { key, table };
    table.catch(() => {
      if (cachedTable?.key === key) cachedTable = undefined;
    });
  }
  return cachedTable.table;
}

async function createDemoData(
  args: { workspaceId: string; customers: number; seed: number },
  context: HandlerContext,
): Promise<{ customers: number; events: number }> {
  const customers: Customer[] = [];
  const events: CrmEvent[] = [];
  for (const record of generateDemoCustomers({ customers: args.customers, seed: args.seed })) {
    customers.push(record.customer);
    for (const event of record.events) events.push(event);
    if (customers.length % 500 === 0) {
      if (context.signal.aborted) throw new Error('Cancelled');
      context.progress({ done: customers.length, total: args.customers, phase: 'generate' });
    }
  }
  context.progress({ done: args.customers, total: args.customers, phase: 'write' });
  await writeDataBatch(getDatabase(), {
    workspaceId: args.workspaceId,
    sourceName: `demo: ${args.customers} customers, seed ${args.seed}`,
    kind: 'demo',
    customers,
    events,
  });
  return { customers: customers.length, events: events.length };
}

async function queryCustomers(args: { workspaceId: string; dataVersion: number; query: CustomerQuery }) {
  const table = await customerTable(args.workspaceId, args.dataVersion);
  const { search, sort } = args.query;
  const key = JSON.stringify([args.workspaceId, args.dataVersion, search, sort ?? null]);
  if (cachedOrder?.key !== key) cachedOrder = { key, indexes: orderCustomers(table, { search, sort }) };
  return customerPage(table, cachedOrder.indexes, args.query);
}

const handlers = { createDemoData, queryCustomers } satisfies HandlerMap;
export type DataWorkerHandlers = typeof handlers;

serveHandlers(self, handlers);
