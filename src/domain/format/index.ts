export * from './formatter';
export * from './currency';
