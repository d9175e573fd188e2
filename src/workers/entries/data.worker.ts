/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createDataHandlers } from '../../engine/data/dataHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createDataHandlers(createDexiePort()));
