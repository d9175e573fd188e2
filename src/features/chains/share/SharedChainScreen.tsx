import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { createChainRecord, getDatabase } from '../../../db';
import { readChainLinkFragment, type ReadChainLinkResult } from '../../../domain/chains';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { BusyBar } from '../../../ui/ProgressBars';
import { useLanguage } from '../../../ui/useLanguage';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';

function useChainFromLink(hash: string): ReadChainLinkResult | null {
  const [result, setResult] = useState<{ hash: string; read: ReadChainLinkResult } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void readChainLinkFragment(hash).then((read) => isCurrent && setResult({ hash, read }));
    return () => {
      isCurrent = false;
    };
  }, [hash]);
  return result?.hash === hash ? result.read : null;
}

/** Opened from a shared chain link (`/chains/shared#chain=…`): what the chain is, and "Add to the workspace". */
export function SharedChainScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const navigate = useNavigate();
  const notify = useAppStore((state) => state.notify);
  const workspace = useActiveWorkspace();
  const read = useChainFromLink(useLocation().hash);
  const [isAdding, setIsAdding] = useState(false);

  async function add(): Promise<void> {
    if (!workspace || !read?.ok) return;
    setIsAdding(true);
    try {
      const chain = await createChainRecord(getDatabase(), workspace.id, read.chain);
      notify('success', t('chains.share.added', { name: chain.name }));
      navigate(`/chains/${chain.id}`, { replace: true });
    } catch (error) {
      notify('error', errorMessage(error, t));
      setIsAdding(false);
    }
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography variant="h4" component="h1">{t('chains.share.openedTitle')}</Typography>
      {!read && <BusyBar label={t('chains.share.opening')} />}
      {read && !read.ok && <Alert severity="error" data-testid="shared-chain-problem">{t('chains.share.refused', { message: read.message[language] })}</Alert>}
      {read?.ok && read.setAside.length > 0 && (
        <Alert severity="error" data-testid="shared-chain-problem">{t('chains.share.setAside', { count: read.setAside.length, reasons: read.setAside.slice(0, 3).map((item) => item.reason[language]).join('; ') })}</Alert>
      )}
      {read?.ok && read.setAside.length === 0 && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="shared-chain">
          <Typography variant="h6" component="h2" data-value>{read.chain.name}</Typography>
          {read.chain.description && <Typography variant="body2" color="text.secondary" data-value>{read.chain.description}</Typography>}
          <Typography variant="body2" sx={{ mt: 1 }}>{t('chains.share.nodes', { nodes: format.count(read.chain.nodes.length) })}</Typography>
          {read.repairs.length > 0 && <Alert severity="warning" sx={{ mt: 1 }}>{t('chains.share.repairs', { notes: read.repairs.map((item) => item.message[language]).join('; ') })}</Alert>}
          {workspace && <Typography variant="body2" sx={{ mt: 1 }}>{t('chains.share.into', { workspace: workspace.name })}</Typography>}
        </Paper>
      )}
      <Stack direction="row" spacing={1}>
        {read?.ok && read.setAside.length === 0 && (
          <Button variant="contained" onClick={() => void add()} disabled={!workspace || isAdding}>{t('chains.share.add')}</Button>
        )}
        <Button onClick={() => navigate('/chains', { replace: true })}>{read?.ok && read.setAside.length === 0 ? t('chains.share.cancel') : t('chains.share.toChains')}</Button>
      </Stack>
    </Stack>
  );
}
