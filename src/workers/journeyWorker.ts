/// <reference lib="webworker" />
import { getDatabase } from '../db';
import { createJourneyHandlers } from './journeyEngine';
import { serveHandlers } from './rpc';

/** Journey stages, lifecycle, CJM and inaction lists off the main thread (see journeyEngine.ts). */
const handlers = createJourneyHandlers(getDatabase);
export type JourneyWorkerHandlers = typeof handlers;

serveHandlers(self, handlers);
