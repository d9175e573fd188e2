/// <reference lib="webworker" />
import { createDexieImportStore } from '../../db/enginePort';
import { createImportHandlers } from '../../engine/import/importHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createImportHandlers(createDexieImportStore()));
