/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createAudienceHandlers } from '../../engine/audiences/audienceHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createAudienceHandlers(createDexiePort()));
