/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createRfmHandlers } from '../../engine/rfm/rfmHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createRfmHandlers(createDexiePort()));
