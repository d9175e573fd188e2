export * from './model';
export * from './columnar';
export * from './errors';
export * from './random';
export * from './time';
export * from './csv';
export * from './demo';
export * from './import';
