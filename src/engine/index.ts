/**
 * The use-case layer (docs/architecture.md): import, RFM, journey stages, data quality and the
 * customers table, assembled once from domain functions over a small port (port.ts). The Web
 * Workers serve the handler maps (src/workers/useCaseWorkers.ts); the command line calls the same functions over
 * files. Screens import the result types from here, never from src/workers.
 */
export * from './port';
export * from './cancel';
export type * from './handlers';
export type * from './rfm/rfmTypes';
export type * from './journey/journeyTypes';
export type * from './metrics/metricsTypes';
export type * from './import/importTypes';
export type { ImportStore } from './import/importHandlers';
export type { DataQualityRequest } from './quality/qualityHandlers';
export type { CurrencyGuessRequest, CurrencyGuessSource, CustomersRequest, RecordBatch, RecordStore } from './data/dataHandlers';
