import type { Chain } from '../../../domain/chains';
import type { WhatIfVariant } from '../../../domain/runs';
import { simulationReport, type SimulationRunRecord } from '../../../domain/simulation';
import type { RunReport } from '../../../domain/runs';
import type { Progress } from '../../../engine/port';
import type { RunListItem, SimulateRequest } from '../../../engine/simulate/simulateTypes';

/**
 * Running a what-if: every runnable variant on the same data, period, seed and settings as the
 * chain's latest run (its "base run"), one after another through the simulate worker; each
 * variant is saved as a run of its own, named "<chain> · what-if <setting> = <value>" so the
 * runs of one what-if are listed together.
 */
export interface WhatIfRunner {
  simulate(request: SimulateRequest, options: { signal: AbortSignal; onProgress(progress: Progress): void }): Promise<SimulationRunRecord>;
}

export interface VariantRun {
  variantIndex: number;
  record: SimulationRunRecord;
}

/** The newest readable run that ran this chain (the what-if repeats its inputs). */
export function baseRunOf(runs: readonly RunListItem[], chainId: string): string | null {
  const run = runs.find((item) => item.ok && item.chains.some((chain) => chain.id === chainId));
  return run ? run.id : null;
}

/** The base run's request with the chain replaced by a variant (the other chains of that run run with it, as before). */
export function variantRequest(base: SimulationRunRecord, chainId: string, variant: Chain, name: string): SimulateRequest {
  return {
    workspaceId: base.workspaceId,
    chains: base.inputs.chains.map((input) => (input.chain.id === chainId ? { chain: variant, chainVersion: input.chainVersion, savedVersionId: null } : input)),
    settings: base.inputs.settings,
    name,
  };
}

export async function runWhatIfVariants(
  runner: WhatIfRunner,
  base: SimulationRunRecord,
  chainId: string,
  variants: readonly (WhatIfVariant & { isRunnable: true; name: string })[],
  signal: AbortSignal,
  onProgress: (variant: number, of: number, progress: Progress | null) => void,
  /** where finished variants go, so a cancel keeps them */
  runs: VariantRun[] = [],
): Promise<VariantRun[]> {
  for (const [position, variant] of variants.entries()) {
    onProgress(position + 1, variants.length, null);
    const record = await runner.simulate(variantRequest(base, chainId, variant.chain, variant.name), { signal, onProgress: (progress) => onProgress(position + 1, variants.length, progress) });
    runs.push({ variantIndex: variant.index, record });
  }
  return runs;
}

/** The report the variant table reads (the figures of cli.md "simulate"). */
export function reportOf(record: SimulationRunRecord): RunReport {
  const settings = record.inputs.settings;
  return simulationReport(record.sums!, { period: { from: settings.from, to: settings.to }, seed: settings.seed, inputs: { timeZone: settings.timeZone, assumeReachable: settings.assumeReachable, projection: settings.projection, margin: settings.margin, fingerprint: '' }, warnings: [] }, false);
}
