export * from './customer';
export * from './event';
export * from './workspace';
export * from './importBatch';
