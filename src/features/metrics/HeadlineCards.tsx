import { Box, Paper, Stack, Typography } from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureView } from './headlineFigures';

const GREY = '#4d5156';

/** One figure: value, what it stands on, its changes; greyed with "n = …" when the sample is small. */
function FigureCard({ view }: { view: FigureView }) {
  const { t } = useTranslation();
  const label = t(`metrics.cards.${view.figure}`);
  return (
    <Paper sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid={`metric-${view.figure}`} data-small={view.isSmallSample || undefined}>
      <Typography variant="body2" color="text.secondary" component="h3">{label}</Typography>
      <Typography variant="h5" component="div" sx={{ color: view.isSmallSample ? GREY : undefined }} data-testid={`metric-${view.figure}-value`}>
        {view.value}
      </Typography>
      <Typography variant="caption" color="text.secondary">{t(`metrics.cards.${view.figure}Detail`, view.detailParams)}</Typography>
      {view.isSmallSample && view.denominator !== null && (
        <Typography variant="caption" sx={{ color: GREY, fontStyle: 'italic' }} data-testid={`metric-${view.figure}-small`}>{t('metrics.cards.small', { n: view.denominator })}</Typography>
      )}
      <Box sx={{ flexGrow: 1 }} />
      <Stack spacing={0.25} sx={{ mt: 0.5 }}>
        {view.changes.map(({ shift, text, direction }) => (
          <Stack key={shift} direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary' }} data-testid={`metric-${view.figure}-${shift}`}>
            {direction > 0 && <ArrowUpwardIcon sx={{ fontSize: 14 }} aria-hidden />}
            {direction < 0 && <ArrowDownwardIcon sx={{ fontSize: 14 }} aria-hidden />}
            <Typography variant="caption">
              {text ?? t('metrics.cards.noComparison')} {t(shift === 'year' ? 'metrics.cards.vsYear' : 'metrics.cards.vsQuarter')}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

export function HeadlineCards({ figures, period, actions }: { figures: FigureView[]; period: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="metrics-cards-title">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h6" component="h2" id="metrics-cards-title">{t('metrics.cards.title')}</Typography>
        <Typography variant="body2" color="text.secondary" data-testid="metrics-window" sx={{ flexGrow: 1 }}>{period}</Typography>
        {actions}
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)', lg: 'repeat(5, 1fr)' } }}>
        {figures.map((view) => <FigureCard key={view.figure} view={view} />)}
      </Box>
    </Box>
  );
}
