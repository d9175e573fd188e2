export * from './isoFormat';
export * from './localDay';
export * from './plausibleDates';
