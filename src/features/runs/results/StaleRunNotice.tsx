import { Alert, Button, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getChain, getDatabase } from '../../../db';
import { useLiveQuery } from '../../../db/react';
import type { Workspace } from '../../../domain';
import type { Chain } from '../../../domain/chains';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { RunStoredChains } from '../run/RunStoredChains';
import { runFreshness } from './runFreshness';

/** The run's chains as they are stored now (null: deleted or unreadable), kept up to date. */
function useCurrentChains(record: SimulationRunRecord): ReadonlyMap<string, Chain | null> | undefined {
  return useLiveQuery(async () => {
    const db = getDatabase();
    const entries = await Promise.all(record.inputs.chains.map(async ({ chain }) => {
      const read = await getChain(db, chain.id);
      return [chain.id, read?.ok ? read.loaded.chain : null] as const;
    }));
    return new Map(entries);
  }, [record]);
}

/**
 * The results page's stale notice: "Chain edited after this run — Run again" when a chain the run
 * ran was edited (anything that changes a result) or deleted, or the workspace's data changed
 * since. The figures stay — they are the run's, kept with its exact inputs — but the page says
 * they no longer describe what the user has. "Run again" opens the Run dialog on the run's
 * chains as they are now (the dialog's own defaults: the last 90 days of the data as it is).
 */
export function StaleRunNotice({ workspace, record }: { workspace: Workspace; record: SimulationRunRecord }) {
  const { t } = useTranslation();
  const current = useCurrentChains(record);
  const [runIds, setRunIds] = useState<string[] | null>(null);
  const freshness = useMemo(() => (current ? runFreshness(record, current, workspace.dataVersion) : null), [current, record, workspace.dataVersion]);
  if (!freshness || freshness.notices.length === 0) return null;
  const action = freshness.chainIds.length > 0 ? <Button color="inherit" size="small" onClick={() => setRunIds(freshness.chainIds)} data-testid="results-run-again">{t('runResults.results.runAgain')}</Button> : undefined;
  return (
    <Alert severity="warning" data-testid="results-stale" action={action}>
      {freshness.notices.map((notice) => <Typography key={notice.key + JSON.stringify(notice.params)} variant="body2">{t(notice.key, notice.params)}</Typography>)}
      {runIds && <RunStoredChains chainIds={runIds} onClose={() => setRunIds(null)} />}
    </Alert>
  );
}
