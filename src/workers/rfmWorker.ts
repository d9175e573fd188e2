/// <reference lib="webworker" />
import { getDatabase } from '../db';
import { RfmEngine } from './rfmEngine';
import { serveHandlers, type HandlerContext, type HandlerMap } from './rpc';

/** RFM for the Segments screen and the customer card, off the main thread (see rfmEngine.ts). */
const engine = new RfmEngine(getDatabase);

type Args<K extends keyof RfmEngine> = RfmEngine[K] extends (args: infer A, ...rest: never[]) => unknown ? A : never;

const handlers = {
  rfmSummary: (args: Args<'summary'>, context: HandlerContext) => engine.summary(args, context),
  rfmCustomers: (args: Args<'customers'>) => engine.customers(args),
  rfmExport: (args: Args<'exportCsv'>) => engine.exportCsv(args),
  rfmTransition: (args: Args<'transition'>, context: HandlerContext) => engine.transition(args, context),
  rfmCustomer: (args: Args<'customer'>) => engine.customer(args),
} satisfies HandlerMap;
export type RfmWorkerHandlers = typeof handlers;

serveHandlers(self, handlers);
