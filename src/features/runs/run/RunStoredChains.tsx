import { useEffect, useState } from 'react';
import { getChain, getDatabase } from '../../../db';
import type { Chain } from '../../../domain/chains';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { useRunOverlay } from '../canvas/runOverlayStore';
import { RunDialog } from './RunDialog';

/**
 * The Run dialog for stored chains (the Chains list: a row's "Run", or several selected rows):
 * reads them, then runs them together. A chain that cannot be read is left out (the list shows it
 * apart with why), so it never blocks the others.
 */
export function RunStoredChains({ chainIds, onClose, onFinished }: { chainIds: readonly string[] | null; onClose(): void; onFinished?(record: SimulationRunRecord): void }) {
  const [loaded, setLoaded] = useState<{ key: string; chains: Chain[] } | null>(null);
  const key = chainIds?.join('\n') ?? '';
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    void Promise.all(key.split('\n').map((id) => getChain(getDatabase(), id))).then((results) => {
      if (isCurrent) setLoaded({ key, chains: results.flatMap((result) => (result?.ok ? [result.loaded.chain] : [])) });
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
  const chains = loaded?.key === key ? loaded.chains : [];
  const isOpen = Boolean(key) && chains.length > 0;
  return (
    <RunDialog
      open={isOpen}
      chains={chains}
      onClose={onClose}
      onFinished={(record) => {
        useRunOverlay.getState().showRun(record);
        onFinished?.(record);
      }}
    />
  );
}
