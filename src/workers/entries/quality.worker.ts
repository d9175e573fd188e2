/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createQualityHandlers } from '../../engine/quality/qualityHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createQualityHandlers(createDexiePort()));
