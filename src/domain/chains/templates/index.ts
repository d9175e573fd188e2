/**
 * The built-in chain templates from the textbook, and what fits them to a workspace: event-type
 * matching and "make a chain for these" from an inaction list.
 */
export * from './registry';
export * from './types';
export * from './matchEventTypes';
export * from './inaction';
