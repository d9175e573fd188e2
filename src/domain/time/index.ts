export * from './isoFormat';
