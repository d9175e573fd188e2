import { Box, Chip, Divider, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmEvent, Customer, Workspace } from '../../domain';
import { asOfInstant, customerJourney, defaultAsOfDate } from '../../domain/journey';
import { useFormat } from '../../ui/format';
import { NEUTRAL_COLOR, textColorOn } from '../../ui/palette';
import { useWorkspaceStats } from '../workspaces/useWorkspaces';
import { useJourneySettings } from './journeySettings';
import { stageColor, stageNames, STATUS_COLORS, statusLabel } from './labels';

/**
 * The customer card's journey section: stage and lifecycle status as of the end of the
 * workspace's data (the Journey screen's default date), with the day each stage was reached.
 * Computed from the customer's own timeline with the same domain function as everything else.
 */
export function CustomerJourneySection({ workspace, customer, events }: { workspace: Workspace; customer: Customer; events: readonly CrmEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useJourneySettings(workspace.id);
  const stats = useWorkspaceStats(workspace);
  // the Journey screen's default date: the day after the last plausible event (not a row dated 9999)
  const asOfDate = stats ? defaultAsOfDate(stats.lastPlausibleTs, workspace.timeZone) : null;
  const journey = useMemo(() => {
    if (!settings || !asOfDate) return null;
    const at = asOfInstant(asOfDate, workspace.timeZone);
    return customerJourney(customer, events, { mapping: settings.mapping, lifecycle: settings.lifecycle, timeZone: workspace.timeZone }, at);
  }, [settings, asOfDate, customer, events, workspace.timeZone]);
  if (!settings || !journey || !asOfDate) return null;
  const names = stageNames(settings.mapping, t);
  // The card's sections are separated by dividers; this one brings its own.
  return (
    <>
      <Box data-testid="customer-journey">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
          <Typography variant="subtitle2" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>{t('journey.card.title')}</Typography>
          <Typography variant="caption" color="text.secondary">{t('journey.card.asOf', { date: format.calendarDate(asOfDate) })}</Typography>
        </Stack>
        {!journey.isKnown ? (
          <Typography variant="body2" color="text.secondary">{t('journey.card.notKnown')}</Typography>
        ) : (
          <>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
              <Typography variant="body2" color="text.secondary">{t('journey.card.stage')}:</Typography>
              <Chip size="small" data-testid="customer-journey-stage" label={journey.stage >= 0 ? names[journey.stage] : t('journey.card.noStage')}
                sx={journey.stage >= 0 ? { bgcolor: stageColor(journey.stage), color: textColorOn(stageColor(journey.stage)), fontWeight: 600 } : undefined} />
              <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>{t('journey.card.status')}:</Typography>
              <Chip size="small" data-testid="customer-journey-status" label={statusLabel(journey.lifecycle, t)}
                sx={journey.lifecycle ? { bgcolor: STATUS_COLORS[journey.lifecycle], color: textColorOn(STATUS_COLORS[journey.lifecycle]), fontWeight: 600 } : undefined} />
              {journey.daysSinceLastOrder !== null && (
                <Typography variant="caption" color="text.secondary">{t('journey.card.daysSince', { days: format.days(journey.daysSinceLastOrder) })}</Typography>
              )}
            </Stack>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(112px, 1fr))', gap: 1 }} data-testid="customer-journey-stages">
              {names.map((name, s) => {
                const reachedAt = journey.stageReachedAt[s];
                return (
                  <Box key={journey.stageIds[s]} sx={{ borderTop: `3px ${reachedAt === null || reachedAt === undefined ? 'dashed' : 'solid'} ${reachedAt === null || reachedAt === undefined ? NEUTRAL_COLOR : stageColor(s)}`, pt: 0.5, minWidth: 0 }}>
                    <Typography variant="caption" component="div" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{name}</Typography>
                    <Typography variant="caption" component="div" color="text.secondary">
                      {reachedAt === null || reachedAt === undefined ? t('journey.card.notReached') : format.date(reachedAt)}
                    </Typography>
                  </Box>
                );
              })}
            </Box>
          </>
        )}
      </Box>
      <Divider />
    </>
  );
}
