export * from './isoFormat';
export * from './localDay';
export * from './plausibleDates';
export * from './calendar';
