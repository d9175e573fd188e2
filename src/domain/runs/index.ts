/**
 * # Runs: the pure view models of the Runs screens (issue 14)
 *
 * No React, Dexie or DOM: the screens (src/features/runs) and the CLI call these over a run
 * report — the `--json` of `chainlab simulate` (cli.md), read structurally (runReport.ts), so
 * the simulator's full report is accepted as it is. Every user-visible text is a `RunsText`
 * `{ key, params }` (i18n key under `runs.*` and its parameters); the screens translate.
 *
 * - controlSizing.ts — `minimumDetectableLift({ treatment, control, baseline })`,
 *   `controlShareNeeded(customers, baseline, { value, is: 'points' | 'relative' })`,
 *   `chainControlSizing(chainFigures)`: 95 % / 80 % two-proportion test, "cannot tell" with the
 *   reason instead of NaN.
 * - runComparison.ts — `compareRuns(base, other)` → figures (absolute, relative or null = n/a),
 *   days aligned by date (missing days are zeros), per-chain node and edge deltas with
 *   `added` / `removed` / `both`.
 * - whatIf.ts — the settings a what-if can vary (`whatIfSettingsOf(node)`, chain settings),
 *   `currentWhatIfValue`, `applyWhatIfValue`, `buildWhatIfVariants(chain, { target, values })`
 *   → checked variant chains. variantTable.ts — `variantTable(reports)` with the best value per
 *   column (`BEST_IS` says which way is best).
 * - canvasBadges.ts — `nodeBadge(s)` (amber warnings), `edgeWidth(count, max)`, `edgeWidths`.
 * - heatMap.ts — `heatMapCalendar(customerDayRows, period, frequencyCap)`.
 * - chainFingerprint.ts — `chainFingerprint(chain)`, `runChainFingerprints(chains)` (save with
 *   the run), `resultsFreshness(saved, currentChains)` → current / stale / chainGone.
 */
export * from './runReport';
export * from './controlSizing';
export * from './runComparison';
export * from './whatIf';
export * from './variantTable';
export * from './canvasBadges';
export * from './heatMap';
export * from './chainFingerprint';
