/**
 * The condition language (one module, shared by chains and saved audiences): types, zod
 * schemas, plain-words summaries, completeness validation, the names a condition refers to,
 * and THE evaluator (evaluate.ts: compile once, test a customer at a moment over the columnar
 * data — the simulator's filters and audiences, and saved-audience counts as of a date).
 */
export * from './types';
export * from './schema';
export * from './names';
export * from './summary';
export * from './references';
export * from './validate';
export * from './build';
export * from './moment';
export * from './eventMatch';
export * from './evaluate';
export * from './vocabulary';
