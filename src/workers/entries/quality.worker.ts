/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createQualityHandlers } from '../../engine/quality/qualityHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createQualityHandlers(createDexiePort()));
