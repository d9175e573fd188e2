import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chainLink, LONG_CHAIN_LINK_CHARS, type Chain } from '../../../domain/chains';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { BusyBar } from '../../../ui/ProgressBars';

/** The page's origin with the app's base path, so a link opens the same installation. */
function appOrigin(): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}`;
}

/** "Share the chain as a link": the link, its length (with a warning when mail apps may cut it) and Copy. */
export function ShareLinkDialog({ chain, onClose }: { chain: Chain; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void chainLink(appOrigin(), chain).then((made) => isCurrent && setLink(made), (error: unknown) => notify('error', errorMessage(error, t)));
    return () => {
      isCurrent = false;
    };
  }, [chain, notify, t]);

  async function copy(): Promise<void> {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      notify('success', t('chains.share.copied'));
    } catch (error) {
      notify('warning', errorMessage(error, t));
    }
  }

  const chars = link ? format.count(link.length) : '';
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="share-link-title">
      <DialogTitle id="share-link-title">{t('chains.share.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>{t('chains.share.how')}</Typography>
        {!link && <BusyBar label={t('chains.share.making')} />}
        {link && (
          <TextField
            label={t('chains.share.link')}
            value={link}
            fullWidth
            multiline
            maxRows={4}
            helperText={t('chains.share.length', { chars })}
            slotProps={{ input: { readOnly: true }, htmlInput: { 'data-testid': 'share-link', 'data-value': true, onFocus: (event: React.FocusEvent<HTMLTextAreaElement>) => event.target.select() } }}
            sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } }}
          />
        )}
        {link && link.length > LONG_CHAIN_LINK_CHARS && <Alert severity="warning" sx={{ mt: 2 }}>{t('chains.share.long', { chars })}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('chains.share.close')}</Button>
        <Button variant="contained" onClick={() => void copy()} disabled={!link}>{t('chains.share.copy')}</Button>
      </DialogActions>
    </Dialog>
  );
}
