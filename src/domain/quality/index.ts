export * from './dataQuality';
export * from './dominantCustomer';
