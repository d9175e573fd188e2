import type { BatchSource, CrmEvent, Customer } from '../../domain';
import { buildCustomerTable, customerPage, orderCustomers, type CustomerPage, type CustomerQuery, type CustomerTable } from '../../domain/customers/customerTable';
import { generateDemoCustomers } from '../../domain/demo';
import { throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';

/** Records written as one batch (the demo generator's; src/db writes them atomically). */
export interface RecordBatch {
  workspaceId: string;
  sourceName: string;
  kind: BatchSource;
  customers: readonly Customer[];
  events: readonly CrmEvent[];
}

export interface RecordStore {
  writeRecords(batch: RecordBatch): Promise<void>;
}

/** The currency the workspace's events name most often (src/db reads the blocks and caches the answer per data version). */
export interface CurrencyGuessSource {
  guessDataCurrency(workspaceId: string, dataVersion: number): Promise<string | null>;
}

export interface CurrencyGuessRequest {
  workspaceId: string;
  dataVersion: number;
}

export interface CustomersRequest {
  workspaceId: string;
  dataVersion: number;
  query: CustomerQuery;
}

/**
 * The Data screen's use case: the customers table (search, sort and paging over every customer,
 * rebuilt when the data version changes), filling a workspace with demo data, and the data's
 * currency — read here, off the page: decoding every event block took ~200 ms of the page's
 * thread on 100,000 customers, the first time after an import, often right as a run started.
 */
export function createDataHandlers(port: EnginePort & RecordStore & CurrencyGuessSource) {
  /** The customers table of the last workspace asked for. */
  let cachedTable: { key: string; table: Promise<CustomerTable> } | undefined;
  /** The display order of the last search and sort, so paging through it does not sort again. */
  let cachedOrder: { key: string; indexes: Int32Array } | undefined;

  function customerTable(workspaceId: string, dataVersion: number): Promise<CustomerTable> {
    const key = `${workspaceId}:${dataVersion}`;
    if (cachedTable?.key !== key) {
      cachedOrder = undefined;
      const table = port.loadDataset(workspaceId).then((d) => buildCustomerTable(d.customers, d.events, d.eventTypes));
      cachedTable = { key, table };
      table.catch(() => {
        if (cachedTable?.key === key) cachedTable = undefined;
      });
    }
    return cachedTable.table;
  }

  async function createDemoData(args: { workspaceId: string; customers: number; seed: number }, context: RunContext): Promise<{ customers: number; events: number }> {
    const customers: Customer[] = [];
    const events: CrmEvent[] = [];
    for (const record of generateDemoCustomers({ customers: args.customers, seed: args.seed })) {
      customers.push(record.customer);
      for (const event of record.events) events.push(event);
      if (customers.length % 500 === 0) {
        throwIfCancelled(context.signal);
        context.progress({ done: customers.length, total: args.customers, phase: 'generate' });
      }
    }
    context.progress({ done: args.customers, total: args.customers, phase: 'write' });
    await port.writeRecords({ workspaceId: args.workspaceId, sourceName: `demo: ${args.customers} customers, seed ${args.seed}`, kind: 'demo', customers, events });
    return { customers: customers.length, events: events.length };
  }

  async function queryCustomers(args: CustomersRequest): Promise<CustomerPage> {
    const table = await customerTable(args.workspaceId, args.dataVersion);
    const { search, sort } = args.query;
    const key = JSON.stringify([args.workspaceId, args.dataVersion, search, sort ?? null]);
    if (cachedOrder?.key !== key) cachedOrder = { key, indexes: orderCustomers(table, { search, sort }) };
    return customerPage(table, cachedOrder.indexes, args.query);
  }

  async function guessDataCurrency(args: CurrencyGuessRequest): Promise<string | null> {
    return port.guessDataCurrency(args.workspaceId, args.dataVersion);
  }

  return { createDemoData, queryCustomers, guessDataCurrency } satisfies HandlerMap;
}

export type DataHandlers = ReturnType<typeof createDataHandlers>;
