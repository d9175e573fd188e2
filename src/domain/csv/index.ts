export * from './csvWrite';
