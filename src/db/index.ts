export * from './schema';
export * from './database';
export * from './repositories/settingsRepository';
export * from './repositories/workspaceRepository';
export * from './repositories/blockStore';
export * from './repositories/datasetRepository';
export * from './repositories/currencyRepository';
export * from './workspaceLocks';
