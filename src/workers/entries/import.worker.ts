/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexieImportStore } from '../../db/enginePort';
import { createImportHandlers } from '../../engine/import/importHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createImportHandlers(createDexieImportStore()));
