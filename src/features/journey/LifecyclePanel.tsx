import { Box, Button, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { defaultLifecycleSettings, LIFECYCLE_STATUSES, MAX_LIFECYCLE_DAYS, parseLifecycleSettings, type LifecycleSettings } from '../../domain/journey';
import type { Formatter } from '../../domain/format';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import type { JourneyOverview, JourneyRequest } from '../../engine';
import { FlowsView } from './FlowsView';
import { saveJourneySetting, type JourneySettings } from './journeySettings';
import { STATUS_COLORS } from './labels';

function ruleText(status: (typeof LIFECYCLE_STATUSES)[number], settings: LifecycleSettings, t: ReturnType<typeof useTranslation>['t'], format: Formatter): string {
  // Ranges keep the unit once at the end ("30–90 days ago"); single thresholds carry their own.
  const values = { n: format.daysShort(settings.newDays), t1: format.daysShort(settings.activeDays), t2: format.daysShort(settings.atRiskDays), t3: format.daysShort(settings.lapsedDays), multiplier: format.decimal(settings.relativeRule.multiplier, 1) };
  if (status === 'at_risk' || status === 'lapsed') {
    const [from, to] = status === 'at_risk' ? [settings.activeDays, settings.atRiskDays] : [settings.atRiskDays, settings.lapsedDays];
    Object.assign(values, status === 'at_risk' ? { t1: format.count(from), t2: format.daysShort(to) } : { t2: format.count(from), t3: format.daysShort(to) });
  }
  const text = t(`journey.lifecycle.rule.${status}`, values);
  return status === 'at_risk' && settings.relativeRule.isEnabled ? `${text}, ${t('journey.lifecycle.rule.relative', values)}` : text;
}

function StatusCards({ overview, settings }: { overview: JourneyOverview; settings: LifecycleSettings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = overview.lifecycle!;
  const total = LIFECYCLE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)', xl: 'repeat(6, 1fr)' } }}>
      {LIFECYCLE_STATUSES.map((status) => (
        <Paper key={status} sx={{ p: 2, borderLeft: `6px solid ${STATUS_COLORS[status]}`, minWidth: 0 }} data-testid={`lifecycle-${status}`}>
          <Typography variant="body2" color="text.secondary">{t(`journey.lifecycle.status.${status}`)}</Typography>
          <Typography variant="h5" component="div" data-testid={`lifecycle-count-${status}`}>{format.count(counts[status])}</Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {t('journey.lifecycle.share', { share: total ? format.percent(counts[status] / total) : t('journey.funnel.none') })}
          </Typography>
          <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>{ruleText(status, settings, t, format)}</Typography>
        </Paper>
      ))}
    </Box>
  );
}

type Draft = Record<'newDays' | 'activeDays' | 'atRiskDays' | 'lapsedDays' | 'multiplier', string> & { isRelative: boolean };

function toDraft(settings: LifecycleSettings): Draft {
  return {
    newDays: String(settings.newDays),
    activeDays: String(settings.activeDays),
    atRiskDays: String(settings.atRiskDays),
    lapsedDays: String(settings.lapsedDays),
    multiplier: String(settings.relativeRule.multiplier),
    isRelative: settings.relativeRule.isEnabled,
  };
}

function fromDraft(draft: Draft) {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));
  return parseLifecycleSettings({
    version: 1,
    newDays: number(draft.newDays),
    activeDays: number(draft.activeDays),
    atRiskDays: number(draft.atRiskDays),
    lapsedDays: number(draft.lapsedDays),
    relativeRule: { isEnabled: draft.isRelative, multiplier: number(draft.multiplier) },
  });
}

/** Thresholds N, T1, T2, T3 and the relative rule; saved for the workspace on "Save". */
function ThresholdsForm({ workspace, settings }: { workspace: Workspace; settings: LifecycleSettings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const [draft, setDraft] = useState(() => toDraft(settings));
  const parsed = fromDraft(draft);
  const errorField = parsed.ok ? null : parsed.error.split(/[.:]/)[0]!;
  const isChanged = !parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(settings);
  const field = (name: Exclude<keyof Draft, 'isRelative'>, label: string) => (
    <TextField
      size="small" type="number" label={label} value={draft[name]} sx={{ width: 170 }}
      error={errorField === name || (name === 'multiplier' && errorField === 'relativeRule')}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value.slice(0, name === 'multiplier' ? 5 : 4) })}
      slotProps={{ htmlInput: { min: 0, step: name === 'multiplier' ? 0.1 : 1, 'data-testid': `lifecycle-${name}` } }}
    />
  );
  async function save(): Promise<void> {
    if (!parsed.ok) return;
    try {
      await saveJourneySetting(workspace.id, 'lifecycle', parsed.value);
      notify('success', ({ t }) => t('journey.saved'));
    } catch (error) {
      notify('error', ({ t }) => errorMessage(error, t));
    }
  }
  const message = errorField ? t(`journey.lifecycle.errors.${errorField === 'relativeRule' ? 'multiplier' : errorField}`, { max: format.count(MAX_LIFECYCLE_DAYS) }) : null;
  return (
    <Paper sx={{ p: 2 }} data-testid="lifecycle-settings">
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>{t('journey.lifecycle.settings')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        {field('newDays', t('journey.lifecycle.newDays'))}
        {field('activeDays', t('journey.lifecycle.activeDays'))}
        {field('atRiskDays', t('journey.lifecycle.atRiskDays'))}
        {field('lapsedDays', t('journey.lifecycle.lapsedDays'))}
        <FormControlLabel control={<Switch checked={draft.isRelative} onChange={(event) => setDraft({ ...draft, isRelative: event.target.checked })} />} label={t('journey.lifecycle.relative')} />
        {draft.isRelative && field('multiplier', t('journey.lifecycle.multiplier'))}
      </Stack>
      {message && <Typography color="error" variant="body2" sx={{ mt: 1 }} role="alert">{message}</Typography>}
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" disabled={!parsed.ok || !isChanged} onClick={() => void save()} data-testid="lifecycle-save">{t('journey.lifecycle.save')}</Button>
        <Button onClick={() => setDraft(toDraft(defaultLifecycleSettings()))}>{t('journey.lifecycle.reset')}</Button>
      </Stack>
    </Paper>
  );
}

export function LifecyclePanel({ workspace, settings, overview, request }: { workspace: Workspace; settings: JourneySettings; overview: JourneyOverview; request: JourneyRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h6" component="h2">{t('journey.lifecycle.title', { date: format.calendarDate(overview.asOfDate!) })}</Typography>
        <Typography variant="body2" color="text.secondary">{t('journey.lifecycle.help', { zone: format.timeZoneName(workspace.timeZone) })}</Typography>
      </Box>
      <StatusCards overview={overview} settings={settings.lifecycle} />
      <ThresholdsForm key={JSON.stringify(settings.lifecycle)} workspace={workspace} settings={settings.lifecycle} />
      <FlowsView mapping={settings.mapping} overview={overview} request={request} />
    </Stack>
  );
}
