/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createMetricsHandlers } from '../../engine/metrics/metricsHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createMetricsHandlers(createDexiePort()));
