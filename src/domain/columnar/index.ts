export * from './dictColumn';
export * from './eventBlock';
export * from './customerBlock';
export * from './recordBlocks';
export * from './columnBlocks';
