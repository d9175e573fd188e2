/**
 * Saved audiences (issue 15): the stored record and its restore, audiences naming audiences
 * (cycles refused), evaluation as of a date over the columnar store, the textbook's ready-made
 * audiences, profile and overlap, and the CSV export. The condition language itself lives in
 * `../conditions` (one module for chains and audiences).
 */
export * from './audience';
export * from './membership';
export * from './evaluate';
export * from './readyMade';
export * from './exportColumns';
export * from './profile';
