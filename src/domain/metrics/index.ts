export * from './crmChannels';
export * from './history';
export * from './totals';
export * from './cohorts';
export * from './cuts';
export * from './comparison';
export * from './dashboard';
export * from './metricsCsv';
