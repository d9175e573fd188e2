export * from './isoFormat';
export * from './localDay';
