export * from './dataQuality';
