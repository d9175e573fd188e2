import type { Chain } from '../../../domain/chains';
import { resultsFreshness, runChainFingerprints, runsText, type RunsText } from '../../../domain/runs';
import type { SimulationRunRecord } from '../../../domain/simulation';

export interface RunFreshness {
  /** what changed since the run, in words (empty: the run describes the chains and data as they are) */
  notices: RunsText[];
  /** the run's chains that still exist: what "Run again" runs, as they are now */
  chainIds: string[];
}

/**
 * Whether a saved run still describes what the user has now (the results page's stale notice):
 * each chain it ran is compared with the stored chain by its result fingerprint (moving a card
 * or renaming it does not count; see chainFingerprint), and the workspace's data by its version
 * (an import or a deletion after the run). `current` holds the stored chains that could be read,
 * or null for a chain that is gone.
 */
export function runFreshness(record: SimulationRunRecord, current: ReadonlyMap<string, Chain | null>, dataVersion: number): RunFreshness {
  const ran = record.inputs.chains.map((input) => input.chain);
  const existing = ran.flatMap((chain) => {
    const now = current.get(chain.id);
    return now ? [now] : [];
  });
  const notices: RunsText[] = resultsFreshness(runChainFingerprints(ran), existing).flatMap((state): RunsText[] => {
    const name = ran.find((chain) => chain.id === state.chainId)?.name ?? state.chainId;
    if (state.freshness === 'stale') return [runsText('runResults.results.chainEdited', { name })];
    if (state.freshness === 'chainGone') return [runsText('runResults.results.chainDeleted', { name })];
    return [];
  });
  if (dataVersion !== record.inputs.dataVersion) notices.push(runsText('runResults.results.dataChanged'));
  return { notices, chainIds: existing.map((chain) => chain.id) };
}
