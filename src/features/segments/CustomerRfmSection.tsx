import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { displayScore, type RfmAsOf } from '../../domain/rfm';
import { formatEpochDay } from '../../domain/time';
import { useFormat } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import { textColorOn } from '../../ui/palette';
import { segmentLabels, type SegmentLabel } from './segmentLabels';
import { SegmentDot } from './SegmentTable';
import { useEngineCall } from '../../workers/useEngineCall';
import { rfmRequest, useRfmSettings, useSegmentMap } from './useRfm';

function labelOf(score: RfmAsOf | null, labels: SegmentLabel[]): SegmentLabel {
  return score ? labels[score.segment]! : labels[labels.length - 1]!;
}

/**
 * The customer's RFM scores and segment with the Segments screen's settings, and the segment
 * at the end of each of the last six months — computed from the orders up to each date only.
 */
export function CustomerRfmSection({ workspace, customerIndex }: { workspace: Workspace; customerIndex: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const [settings] = useRfmSettings(workspace);
  const map = useSegmentMap(settings, language);
  const request = settings && map ? { ...rfmRequest(workspace, settings, map), customerIndex } : null;
  const answer = useEngineCall('rfm', 'rfmCustomer', request);
  if (!settings || !map || !answer.value) return null;
  const labels = segmentLabels(map, t);
  const { now, history, asOfDay } = answer.value;
  const current = labelOf(now, labels);
  const shown = (score: number) => displayScore(score, settings.levels, settings.direction);
  return (
    <Box data-testid="customer-rfm">
      <Typography variant="subtitle2" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>{t('segments.card.title')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('segments.card.asOf', { date: format.calendarDate(formatEpochDay(asOfDay)) })}
      </Typography>
      {now ? (
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
          <Chip label={current.name} sx={{ bgcolor: current.color, color: textColorOn(current.color), fontWeight: 600 }} data-testid="customer-rfm-segment" />
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{t('segments.card.scores', { r: shown(now.r), f: shown(now.f), m: shown(now.m) })}</Typography>
          <Typography variant="body2" color="text.secondary">{t('segments.card.recency', { days: format.days(now.recency) })}</Typography>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">{t('segments.card.noPurchases')}</Typography>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5, mb: 0.5 }}>{t('segments.card.history')}</Typography>
      <Stack direction="row" sx={{ gap: 0.75, flexWrap: 'wrap' }}>
        {history.map((point) => {
          const label = labelOf(point.score, labels);
          const scores = point.score ? ` · ${t('segments.card.scores', { r: shown(point.score.r), f: shown(point.score.f), m: shown(point.score.m) })}` : '';
          return (
            <Tooltip key={point.day} title={`${format.calendarDate(formatEpochDay(point.day))}: ${label.name}${scores}`}>
              <Box tabIndex={0} aria-label={`${format.calendarDate(formatEpochDay(point.day))}: ${label.name}${scores}`} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 0.75, py: 0.25, border: '1px solid', borderColor: 'divider', borderRadius: 1, fontSize: 12 }}>
                <SegmentDot color={label.color} />
                {format.monthShort(formatEpochDay(point.day))}
              </Box>
            </Tooltip>
          );
        })}
      </Stack>
    </Box>
  );
}
