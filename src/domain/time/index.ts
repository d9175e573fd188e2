export * from './isoFormat';
export * from './localDay';
export * from './calendar';
