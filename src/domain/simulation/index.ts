/**
 * The simulation engine (simulation.md): replay imported history through chains. Pure and
 * deterministic — data, chains, settings, seed and clock in; sums out — so the same run in one
 * process, in Web Workers or across machines gives the same bytes. See docs/simulation.md.
 */
export * from './settings';
export * from './plan';
export * from './globals';
export * from './sums';
export * from './trace';
export * from './money';
export * from './runShard';
export * from './readProps';
export * from './dataSlice';
export { customerCountOf } from './segmentSource';
export { RunCounters, REASONS } from './counters';
export * from './report';
export * from './shardReports';
export * from './rates';
export * from './runRecord';
