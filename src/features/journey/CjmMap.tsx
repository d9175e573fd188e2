import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { CjmMatrix, CjmRow } from '../../domain/journey';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { useFormat } from '../../ui/format';
import type { JourneyOverview } from '../../engine';
import { saveJourneySetting, type JourneySettings } from './journeySettings';
import { StageChainsRow } from '../chains/journey/StageChainsRow';
import { NO_WRAP, stageColor, stageNames } from './labels';

type RowGroup = 'byChannel' | 'byTouchpoint' | 'byType';
type Metric = 'events' | 'customers';
const TOP_ROWS = 15;

function channelLabel(channel: string, t: TFunction): string {
  if (!channel) return t('journey.cjm.noChannel');
  for (const key of [`journey.channels.${channel}`, `channel.${channel}`]) {
    const label = t(key);
    if (label !== key) return label;
  }
  return channel;
}

function rowLabel(row: CjmRow, group: RowGroup, t: TFunction): string {
  if (group === 'byChannel') return channelLabel(row.channel ?? '', t);
  if (group === 'byType') return eventTypeLabel(t, row.type ?? row.key);
  return t('journey.cjm.touchpoint', { channel: channelLabel(row.channel ?? '', t), type: eventTypeLabel(t, row.type ?? '') });
}

function StuckDaysField({ workspace, settings }: { workspace: Workspace; settings: JourneySettings }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const value = text ?? String(settings.inaction.stuckDays);
  const days = Number(value);
  const isValid = /^\d+$/.test(value.trim()) && days <= 3650;
  function commit(): void {
    if (isValid && days !== settings.inaction.stuckDays) void saveJourneySetting(workspace.id, 'inaction', { ...settings.inaction, stuckDays: days });
    setText(null);
  }
  return (
    <TextField size="small" type="number" label={t('journey.cjm.stuckDays')} value={value} error={!isValid} sx={{ width: 170 }}
      onChange={(event) => setText(event.target.value.slice(0, 4))} onBlur={commit} onKeyDown={(event) => event.key === 'Enter' && commit()}
      slotProps={{ htmlInput: { min: 0, max: 3650, 'data-testid': 'journey-stuck-days' } }} />
  );
}

function SummaryRows({ cjm, overview, columns, workspaceId }: { cjm: CjmMatrix; overview: JourneyOverview; columns: number; workspaceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const funnel = overview.funnel!;
  const filler = columns > cjm.stageIds.length ? <TableCell /> : null;
  return (
    <>
      <TableRow>
        <TableCell component="th" sx={{ fontWeight: 600 }}>{t('journey.cjm.atStage')}</TableCell>
        {cjm.atStage.map((count, s) => <TableCell key={s} align="right" sx={{ fontWeight: 600 }}>{format.count(count)}</TableCell>)}
        {filler}
      </TableRow>
      <TableRow data-testid="cjm-stuck-row">
        <TableCell component="th">{t('journey.cjm.stuck', { days: format.daysShort(cjm.stuckDays) })}</TableCell>
        {cjm.stuck.map((count, s) => (
          <TableCell key={s} align="right" sx={s === cjm.bottleneck ? { bgcolor: 'warning.light', fontWeight: 700 } : undefined} data-bottleneck={s === cjm.bottleneck ? 'true' : undefined}>
            {s === cjm.stageIds.length - 1 ? t('journey.funnel.none') : format.count(count)}
          </TableCell>
        ))}
        {filler}
      </TableRow>
      <TableRow>
        <TableCell component="th">{t('journey.cjm.medianDays')}</TableCell>
        {cjm.medianDaysAtStage.map((days, s) => <TableCell key={s} align="right">{days === null ? '—' : format.daysShort(days)}</TableCell>)}
        {filler}
      </TableRow>
      <TableRow>
        <TableCell component="th">{t('journey.cjm.movedOn')}</TableCell>
        {cjm.stageIds.map((_, s) => {
          const conversion = funnel.stages[s + 1]?.conversionFromPrevious ?? null;
          return <TableCell key={s} align="right">{conversion === null ? '—' : format.percent(conversion)}</TableCell>;
        })}
        {filler}
      </TableRow>
      <StageChainsRow workspaceId={workspaceId} stageIds={cjm.stageIds} filler={filler} />
    </>
  );
}

function DataRows({ rows, group, metric, columns }: { rows: CjmRow[]; group: RowGroup; metric: Metric; columns: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  let max = 1;
  for (const row of rows) for (let s = 0; s < columns; s++) max = Math.max(max, row[metric][s]!);
  return rows.map((row) => (
    <TableRow key={row.key} hover data-testid="cjm-data-row">
      <TableCell component="th" sx={{ whiteSpace: 'nowrap' }}>{rowLabel(row, group, t)}</TableCell>
      {row[metric].slice(0, columns).map((value, s) => (
        <TableCell key={s} align="right" sx={{ bgcolor: value ? `rgba(63, 81, 181, ${0.06 + 0.5 * (value / max)})` : undefined }}>
          {value ? format.count(value) : <Box component="span" sx={{ color: 'text.secondary' }}>{t('journey.funnel.none')}</Box>}
        </TableCell>
      ))}
    </TableRow>
  ));
}

/** The CJM map: stages as columns, where customers are, get stuck, and what they do there. */
export function CjmMap({ workspace, settings, overview }: { workspace: Workspace; settings: JourneySettings; overview: JourneyOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [group, setGroup] = useState<RowGroup>('byChannel');
  const [metric, setMetric] = useState<Metric>('events');
  const [isExpanded, setExpanded] = useState(false);
  const cjm = overview.cjm!;
  const names = stageNames(settings.mapping, t);
  const columns = cjm.stageIds.length + (cjm.hasEventsBeforeStages ? 1 : 0);
  const rows = cjm[group];
  const shown = isExpanded ? rows : rows.slice(0, TOP_ROWS);
  return (
    <Paper sx={{ p: 2 }} data-testid="journey-cjm">
      <Typography variant="h6" component="h2">{t('journey.cjm.title', { date: format.calendarDate(overview.asOfDate!) })}</Typography>
      <Typography variant="body2" color="text.secondary">{t('journey.cjm.help', { days: format.days(cjm.stuckDays) })}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center', my: 1.5 }}>
        <ToggleButtonGroup size="small" sx={NO_WRAP} exclusive value={group} onChange={(_, value: RowGroup | null) => value && setGroup(value)} aria-label={t('journey.cjm.rows')}>
          <ToggleButton value="byChannel">{t('journey.cjm.byChannel')}</ToggleButton>
          <ToggleButton value="byTouchpoint">{t('journey.cjm.byTouchpoint')}</ToggleButton>
          <ToggleButton value="byType">{t('journey.cjm.byType')}</ToggleButton>
        </ToggleButtonGroup>
        <ToggleButtonGroup size="small" sx={NO_WRAP} exclusive value={metric} onChange={(_, value: Metric | null) => value && setMetric(value)} aria-label={t('journey.cjm.metric')}>
          <ToggleButton value="events">{t('journey.cjm.events')}</ToggleButton>
          <ToggleButton value="customers">{t('journey.cjm.customers')}</ToggleButton>
        </ToggleButtonGroup>
        <StuckDaysField key={settings.inaction.stuckDays} workspace={workspace} settings={settings} />
      </Stack>
      {cjm.bottleneck !== null && (
        <Alert severity="warning" icon={<WarningAmberIcon />} sx={{ mb: 1 }} data-testid="cjm-bottleneck">
          {t('journey.cjm.bottleneck', { stage: names[cjm.bottleneck], customers: format.count(cjm.stuck[cjm.bottleneck]!) })}
        </Alert>
      )}
      <TableContainer sx={{ maxHeight: 720, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }} tabIndex={0} role="region" aria-label={t('journey.cjm.title', { date: format.calendarDate(overview.asOfDate!) })}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell />
              {names.map((name, s) => (
                <TableCell key={cjm.stageIds[s]} align="right" sx={{ borderTop: `4px solid ${stageColor(s)}`, fontWeight: 600, minWidth: 96 }}>{name}</TableCell>
              ))}
              {cjm.hasEventsBeforeStages && <TableCell align="right">{t('journey.cjm.beforeStages')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            <SummaryRows cjm={cjm} overview={overview} columns={columns} workspaceId={workspace.id} />
            <TableRow>
              <TableCell colSpan={columns + 1} sx={{ bgcolor: 'action.hover', fontWeight: 600 }}>
                {t(`journey.cjm.${group}`)} · {t(`journey.cjm.${metric}`)}
              </TableCell>
            </TableRow>
            {rows.length === 0 ? (
              <TableRow><TableCell colSpan={columns + 1} sx={{ color: 'text.secondary' }}>{t('journey.cjm.empty')}</TableCell></TableRow>
            ) : (
              <DataRows rows={shown} group={group} metric={metric} columns={columns} />
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > TOP_ROWS && (
        <Button sx={{ mt: 1 }} onClick={() => setExpanded(!isExpanded)}>
          {isExpanded ? t('journey.cjm.showFewer', { rows: format.count(TOP_ROWS) }) : t('journey.cjm.showAll', { count: rows.length })}
        </Button>
      )}
    </Paper>
  );
}
