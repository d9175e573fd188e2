import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import HubIcon from '@mui/icons-material/Hub';
import { useTranslation } from 'react-i18next';
import type { BootState } from '../store/appStore';
import { BusyBar } from '../ui/ProgressBars';

/** What the user sees while ChainLab opens its storage or generates the first demo workspace. */
export function BootScreen({ boot }: { boot: BootState }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Stack spacing={2} sx={{ alignItems: 'stretch', width: 'min(520px, 100%)' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          <HubIcon color="primary" fontSize="large" />
          <Typography variant="h4" component="h1" sx={{ fontWeight: 600 }}>
            {t('app.name')}
          </Typography>
        </Stack>
        <Typography color="text.secondary" sx={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography>
        {boot.status === 'failed' ? (
          <Alert severity="error" action={<Button onClick={() => location.reload()}>{t('app.reload')}</Button>}>
            {t('app.fatal', { message: boot.message })}
          </Alert>
        ) : boot.status === 'creating-demo' ? (
          <Box role="status">
            <Typography variant="body2" gutterBottom>
              {t('app.creatingDemo', { count: boot.total })}
            </Typography>
            <BusyBar label={t('app.creatingDemo', { count: boot.total })} done={boot.done} total={boot.total} />
          </Box>
        ) : (
          <Box role="status">
            <Typography variant="body2" gutterBottom sx={{ textAlign: 'center' }}>
              {t('app.loading')}
            </Typography>
            <BusyBar label={t('app.loading')} />
          </Box>
        )}
      </Stack>
    </Box>
  );
}
