export * from './isoFormat';
export * from './localDay';
export * from './localClock';
export * from './plausibleDates';
export * from './calendar';
