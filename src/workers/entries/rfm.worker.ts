/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createRfmHandlers } from '../../engine/rfm/rfmHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createRfmHandlers(createDexiePort()));
