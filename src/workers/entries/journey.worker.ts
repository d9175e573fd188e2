/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexiePort } from '../../db/enginePort';
import { createJourneyHandlers } from '../../engine/journey/journeyHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createJourneyHandlers(createDexiePort()));
