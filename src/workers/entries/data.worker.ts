/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createDataHandlers } from '../../engine/data/dataHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createDataHandlers(createDexiePort()));
