import { Link, Stack, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useLiveQuery } from '../../../db/react';
import { getDatabase, listChains, type ChainListItem } from '../../../db';
import { useFormat } from '../../../ui/format';
import { useLastRunReach } from '../../runs/journey/lastRunReach';

/** The chains serving each stage (by `chain.stage`), by name; stages nobody serves get an empty list. */
export function chainsByStage(chains: readonly Pick<ChainListItem, 'id' | 'name' | 'stage'>[], stageIds: readonly string[]): Map<string, { id: string; name: string }[]> {
  const byStage = new Map(stageIds.map((id) => [id, [] as { id: string; name: string }[]]));
  for (const chain of chains) if (chain.stage !== null) byStage.get(chain.stage)?.push({ id: chain.id, name: chain.name });
  for (const list of byStage.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return byStage;
}

/**
 * The CJM map's "Chains" row: the chains serving each stage, as links to the editor; a stage no
 * chain covers is marked. Under each chain, the customers who entered it in its last run (a link
 * to that run's results) — the chain's reach, not only customers who were at this stage then.
 * `filler` pads the row when the table has an extra column.
 */
export function StageChainsRow({ workspaceId, stageIds, filler }: { workspaceId: string; stageIds: readonly string[]; filler: ReactNode }) {
  const { t } = useTranslation();
  const entries = useLiveQuery(async () => (await listChains(getDatabase(), workspaceId)).chains, [workspaceId]);
  const byStage = useMemo(() => chainsByStage(entries ?? [], stageIds), [entries, stageIds]);
  const reach = useLastRunReach(workspaceId);
  const format = useFormat();
  return (
    <TableRow data-testid="cjm-chains-row">
      <TableCell component="th">
        <Tooltip title={t('journey.cjm.chainsHint')}><span>{t('journey.cjm.chains')}</span></Tooltip>
      </TableCell>
      {stageIds.map((stageId) => {
        const chains = byStage.get(stageId) ?? [];
        return (
          <TableCell key={stageId} align="right" data-stage={stageId} data-covered={chains.length > 0 ? 'true' : 'false'} sx={chains.length ? undefined : { bgcolor: '#fff4e5' }}>
            {chains.length ? (
              <Stack sx={{ alignItems: 'flex-end' }}>
                {chains.map((chain) => {
                  const reached = reach?.get(chain.id);
                  return (
                    <Stack key={chain.id} sx={{ alignItems: 'flex-end' }} data-testid="cjm-chain">
                      <Link component={RouterLink} to={`/chains/${chain.id}`} variant="body2">{chain.name}</Link>
                      {reached && (
                        <Link component={RouterLink} to={`/runs/${reached.runId}`} variant="caption" color="text.secondary" data-testid="cjm-chain-reach" title={t('journey.cjm.reachHint', { run: reached.runName })}>
                          {t('journey.cjm.reach', { count: reached.customers, formatted: format.count(reached.customers) })}
                        </Link>
                      )}
                    </Stack>
                  );
                })}
              </Stack>
            ) : entries === undefined ? null : (
              <Typography variant="body2" sx={{ color: '#8a4b00', fontStyle: 'italic' }}>{t('journey.cjm.noChains')}</Typography>
            )}
          </TableCell>
        );
      })}
      {filler}
    </TableRow>
  );
}
