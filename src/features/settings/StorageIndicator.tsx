import { Box, Button, Divider, IconButton, Popover, Stack, Tooltip, Typography } from '@mui/material';
import SdStorageIcon from '@mui/icons-material/SdStorage';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { useFormat } from '../../ui/format';
import { ShareBar } from '../../ui/ProgressBars';
import { YourDataSection } from '../yourData/YourDataSection';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from './storageStatus';

let persistenceAsked = false;

/** Storage usage and quota, and whether the browser keeps the data for good. */
export function StorageIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const workspace = useActiveWorkspace();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const refresh = useCallback(() => void readStorageStatus().then(setStatus), []);

  useEffect(() => {
    if (!persistenceAsked) {
      persistenceAsked = true;
      void requestPersistentStorage().finally(refresh);
    } else refresh();
  }, [refresh, workspace?.dataVersion]);

  const hasNumbers = status?.usage != null && status.quota != null && status.quota > 0;
  const usageText = hasNumbers ? t('storage.usage', { used: format.bytes(status.usage!), quota: format.bytes(status.quota!) }) : t('storage.unknown');
  return (
    <>
      <Tooltip title={t('storage.title')}>
        <IconButton aria-label={t('storage.title')} data-testid="storage-button" onClick={(event) => { refresh(); setAnchor(event.currentTarget); }}>
          <SdStorageIcon />
        </IconButton>
      </Tooltip>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Stack spacing={1.5} sx={{ p: 2, width: 400, maxWidth: 'calc(100vw - 32px)' }} data-testid="storage-popover">
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{t('storage.title')}</Typography>
          <Box>
            <Typography variant="body2" gutterBottom>{usageText}</Typography>
            {hasNumbers && <ShareBar share={status.usage! / status.quota!} label={t('storage.title')} sx={{ height: 4, borderRadius: 2 }} />}
          </Box>
          <Typography variant="body2" color={status?.isPersistent ? 'success.main' : 'warning.main'}>
            {status?.isPersistent ? t('storage.persistent') : t('storage.notPersistent')}
          </Typography>
          {status?.isPersistent === false && (
            <Button variant="outlined" size="small" onClick={() => void requestPersistentStorage().finally(refresh)}>
              {t('storage.requestPersistence')}
            </Button>
          )}
          <Typography variant="caption" color="text.secondary">{t('storage.local')}</Typography>
          <Divider />
          <YourDataSection />
        </Stack>
      </Popover>
    </>
  );
}
