/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createAudienceHandlers } from '../../engine/audiences/audienceHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createAudienceHandlers(createDexiePort()));
