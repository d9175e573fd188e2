export { generateDemoCustomer, generateDemoCustomers, generateDemoDataset, type DemoCustomer } from './generator';
export {
  DEFAULT_DEMO_END_DATE,
  DEFAULT_DEMO_MONTHS,
  DEFAULT_DEMO_OPTIONS,
  createDemoContext,
  isCalendarDate,
  resolveDemoOptions,
  type DemoContext,
  type DemoOptions,
  type ResolvedDemoOptions,
} from './context';
export { DEMO_PROFILES, type DemoProfile } from './profiles';
export { DEMO_CATEGORIES } from './catalog';
export { demoPeriod } from './period';
export * from './demoCsv';
