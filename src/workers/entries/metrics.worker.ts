/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createMetricsHandlers } from '../../engine/metrics/metricsHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createMetricsHandlers(createDexiePort()));
