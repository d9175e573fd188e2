import { Box, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import { useTranslation } from 'react-i18next';
import type { FunnelStage, PeriodUnit, StageMapping } from '../../domain/journey';
import { isDefaultStageId } from '../../domain/journey';
import type { Language } from '../../i18n/i18n';
import { StatCard } from '../../ui/StatCard';
import { formatCalendarDate, formatInteger, formatPercent } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import type { JourneyOverview } from '../../engine';
import { stageColor, stageNames } from './labels';
import { PeriodChart } from './PeriodChart';

export function formatDays(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

function share(part: number, whole: number, language: Language): string {
  return whole > 0 ? formatPercent(part / whole, language) : '—';
}

function SummaryCards({ mapping, overview }: { mapping: StageMapping; overview: JourneyOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const funnel = overview.funnel!;
  const names = stageNames(mapping, t);
  const reachedOf = (id: string) => funnel.stages.find((stage) => stage.stageId === id)?.reached;
  const purchase = reachedOf('purchase');
  const retention = reachedOf('retention');
  let biggest: { from: number; share: number } | null = null;
  for (let s = 1; s < funnel.stages.length; s++) {
    const conversion = funnel.stages[s]!.conversionFromPrevious;
    if (conversion !== null && (!biggest || 1 - conversion > biggest.share)) biggest = { from: s - 1, share: 1 - conversion };
  }
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' } }}>
      <StatCard testId="journey-stat-customers" label={t('journey.funnel.customers')} value={formatInteger(funnel.customers, language)}
        detail={funnel.withoutStage > 0 ? `${t('journey.funnel.withoutStage')}: ${formatInteger(funnel.withoutStage, language)} — ${t('journey.funnel.withoutStageHint')}` : undefined} />
      {purchase !== undefined && <StatCard testId="journey-stat-bought" label={t('journey.funnel.boughtShare')} value={share(purchase, funnel.customers, language)} detail={formatInteger(purchase, language)} />}
      {purchase !== undefined && retention !== undefined && (
        <StatCard testId="journey-stat-repeat" label={t('journey.funnel.repeatShare')} value={share(retention, purchase, language)} detail={`${formatInteger(retention, language)} / ${formatInteger(purchase, language)}`} />
      )}
      <StatCard testId="journey-stat-drop" label={t('journey.funnel.biggestDrop')} icon={<TrendingDownIcon fontSize="small" />}
        value={biggest ? formatPercent(biggest.share, language) : t('journey.funnel.none')}
        detail={biggest ? t('journey.funnel.biggestDropValue', { from: names[biggest.from], to: names[biggest.from + 1] }) : undefined} />
    </Box>
  );
}

function StageRow({ stage, position, name, top }: { stage: FunnelStage; position: number; name: string; top: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const width = top > 0 ? Math.max(0.5, (stage.reached / top) * 100) : 0;
  const days = stage.daysFromPrevious;
  return (
    <TableRow data-testid={`funnel-row-${stage.stageId}`}>
      <TableCell sx={{ minWidth: 150 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: stageColor(position), flexShrink: 0 }} />
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>{name}</Typography>
            {isDefaultStageId(stage.stageId) && <Typography variant="caption" color="text.secondary">{t(`journey.stageHints.${stage.stageId}`)}</Typography>}
          </Box>
        </Stack>
      </TableCell>
      <TableCell sx={{ width: '32%', minWidth: 200 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ flexGrow: 1, height: 18, bgcolor: 'action.hover', borderRadius: 1, overflow: 'hidden' }}>
            <Box sx={{ width: `${width}%`, height: '100%', bgcolor: stageColor(position), transition: 'width 0.4s' }} />
          </Box>
          <Typography variant="body2" sx={{ minWidth: 64, textAlign: 'right', fontWeight: 600 }} data-testid={`funnel-reached-${stage.stageId}`}>
            {formatInteger(stage.reached, language)}
          </Typography>
        </Stack>
        <Typography variant="caption" color="text.secondary">{share(stage.reached, top, language)} {t('journey.funnel.ofTop')}</Typography>
      </TableCell>
      <TableCell align="right" data-testid={`funnel-furthest-${stage.stageId}`}>{formatInteger(stage.furthest, language)}</TableCell>
      <TableCell align="right" data-testid={`funnel-conversion-${stage.stageId}`}>
        {stage.conversionFromPrevious === null ? t('journey.funnel.none') : formatPercent(stage.conversionFromPrevious, language)}
      </TableCell>
      <TableCell align="right" sx={{ color: stage.dropOffFromPrevious ? 'error.main' : undefined }}>
        {stage.dropOffFromPrevious === null ? t('journey.funnel.none') : `−${formatInteger(stage.dropOffFromPrevious, language)}`}
      </TableCell>
      <TableCell align="right" data-testid={`funnel-time-${stage.stageId}`}>
        {days ? (
          <Tooltip title={t('journey.funnel.timeSpread', { q1: formatDays(days.q1, language), q3: formatDays(days.q3, language), customers: formatInteger(days.count, language) })}>
            <Box>
              <Typography variant="body2">{t('journey.funnel.timeValue', { median: formatDays(days.median, language) })}</Typography>
              <Typography variant="caption" color="text.secondary">IQR {formatDays(days.q1, language)}–{formatDays(days.q3, language)}</Typography>
            </Box>
          </Tooltip>
        ) : t('journey.funnel.none')}
      </TableCell>
    </TableRow>
  );
}

export function FunnelPanel({ mapping, overview, unit }: { mapping: StageMapping; overview: JourneyOverview; unit: PeriodUnit }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const funnel = overview.funnel!;
  const names = stageNames(mapping, t);
  const top = funnel.stages[0]?.reached ?? 0;
  return (
    <Stack spacing={2}>
      <SummaryCards mapping={mapping} overview={overview} />
      <Paper sx={{ p: 2 }} data-testid="journey-funnel">
        <Typography variant="h6" component="h2">{t('journey.funnel.title', { date: formatCalendarDate(overview.asOfDate!, language) })}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('journey.funnel.denominator')}</Typography>
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('journey.funnel.stage')}</TableCell>
                <TableCell>{t('journey.funnel.reached')}</TableCell>
                <TableCell align="right">{t('journey.funnel.furthest')}</TableCell>
                <TableCell align="right">{t('journey.funnel.conversion')}</TableCell>
                <TableCell align="right">{t('journey.funnel.dropOff')}</TableCell>
                <TableCell align="right">{t('journey.funnel.time')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {funnel.stages.map((stage, position) => (
                <StageRow key={stage.stageId} stage={stage} position={position} name={names[position] ?? stage.stageId} top={top} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      {overview.periods && <PeriodChart mapping={mapping} periods={overview.periods} unit={unit} />}
    </Stack>
  );
}
