import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';
import { RfmEngine } from './rfmEngine';
import type { RfmCustomerRequest, RfmCustomersRequest, RfmExportRequest, RfmRequest, RfmTransitionRequest } from './rfmTypes';

/** RFM for the Segments screen and the customer card (see rfmEngine.ts). */
export function createRfmHandlers(port: EnginePort) {
  const engine = new RfmEngine(port);
  return {
    rfmSummary: (args: RfmRequest, context: RunContext) => engine.summary(args, context),
    rfmCustomers: (args: RfmCustomersRequest) => engine.customers(args),
    rfmExport: (args: RfmExportRequest) => engine.exportCsv(args),
    rfmTransition: (args: RfmTransitionRequest, context: RunContext) => engine.transition(args, context),
    rfmCustomer: (args: RfmCustomerRequest) => engine.customer(args),
  } satisfies HandlerMap;
}

export type RfmHandlers = ReturnType<typeof createRfmHandlers>;
