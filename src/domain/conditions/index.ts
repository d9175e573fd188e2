/**
 * The condition language (one module, shared by chains and saved audiences): types, zod
 * schemas, plain-words summaries, completeness validation and the names a condition refers to.
 * Evaluation over the data belongs to the simulator; see the semantics in types.ts.
 */
export * from './types';
export * from './schema';
export * from './names';
export * from './summary';
export * from './references';
export * from './validate';
export * from './build';
export * from './vocabulary';
