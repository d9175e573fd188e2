import type { Chain } from '../chains';
import { hashString } from '../random';
import { runsText, type RunsText } from './runReport';

/**
 * Stale results (issue 14): a run's counts belong to the chain as it was run; once the chain is
 * edited they describe a chain that no longer exists and the canvas says "results are from the
 * version before your edit — run again". The fingerprint covers only what changes a result —
 * nodes without their position and label, edges, settings — so moving a card, renaming it or
 * adding a sticky note does not throw the counts away; any other edit does. The text is
 * canonical (object keys sorted), so the same chain always gives the same fingerprint whatever
 * order an editor wrote its keys in.
 */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalText(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** 64 bits (two 32-bit hashes) of the chain's result-relevant content. */
export function chainFingerprint(chain: Chain): string {
  const relevant = {
    id: chain.id,
    settings: chain.settings,
    nodes: chain.nodes.map(({ position: _position, label: _label, ...rest }) => rest),
    edges: chain.edges,
  };
  const text = canonicalText(relevant);
  return `${hex(hashString(text))}${hex(hashString(`${text}\u0001`))}`;
}

export type ResultsFreshness = 'current' | 'stale' | 'chainGone';

export interface ChainResultsState {
  chainId: string;
  freshness: ResultsFreshness;
  /** null when current; else what the canvas says */
  notice: RunsText | null;
}

/**
 * Whether a run's results still describe each chain it ran: `runFingerprints` are the chain
 * fingerprints saved with the run (chain id → fingerprint), `current` the chains as they are now.
 * A chain of the run that no longer exists is `chainGone`.
 */
export function resultsFreshness(runFingerprints: Readonly<Record<string, string>>, current: readonly Chain[]): ChainResultsState[] {
  const byId = new Map(current.map((chain) => [chain.id, chain]));
  return Object.entries(runFingerprints).map(([chainId, fingerprint]) => {
    const chain = byId.get(chainId);
    if (!chain) return { chainId, freshness: 'chainGone', notice: runsText('runs.results.chainGone', { chainId }) };
    if (chainFingerprint(chain) !== fingerprint) return { chainId, freshness: 'stale', notice: runsText('runs.results.stale', { chainId, name: chain.name }) };
    return { chainId, freshness: 'current', notice: null };
  });
}

/** The fingerprints to save with a run, from the chains it ran. */
export function runChainFingerprints(chains: readonly Chain[]): Record<string, string> {
  return Object.fromEntries(chains.map((chain) => [chain.id, chainFingerprint(chain)]));
}
