import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

type Screen = 'segments' | 'journey' | 'chains' | 'runs';

/** An honest placeholder for a screen that a later release builds: says what it will do. */
export function ComingSoonScreen({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t(`nav.${screen}`)}
      </Typography>
      <Paper sx={{ p: 3 }}>
        <Typography gutterBottom>{t(`soon.${screen}`)}</Typography>
        <Alert severity="info">{t('soon.body')}</Alert>
      </Paper>
    </Stack>
  );
}
