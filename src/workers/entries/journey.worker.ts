/// <reference lib="webworker" />
import { createDexiePort } from '../../db/enginePort';
import { createJourneyHandlers } from '../../engine/journey/journeyHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createJourneyHandlers(createDexiePort()));
