import { Box, Button, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmEvent } from '../../../domain';
import type { Chain } from '../../../domain/chains';
import { summaryOf, type TraceEntry } from '../../../domain/simulation';
import type { Formatter } from '../../../ui/format';
import { eventTypeLabel } from '../../../ui/eventTypeLabel';
import { useLanguage } from '../../../ui/useLanguage';
import { visuallyHidden } from '../../../ui/visuallyHidden';
import { traceTimeline, type EventWindow, type TraceRow } from './traceTimeline';

/** Where a step of the trace is, in words: "Abandoned cart · Email 1". */
function useStepPlace(chains: readonly Chain[]) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (entry: TraceEntry) => {
    const chain = chains.find((item) => item.id === entry.chainId);
    const node = chain?.nodes.find((item) => item.id === entry.nodeId);
    return t('runTrace.chainNode', { chain: chain?.name ?? entry.chainId, node: node ? summaryOf(node)[language] : entry.nodeId });
  };
}

function EventCell({ event, format }: { event: CrmEvent; format: Formatter }) {
  const { t } = useTranslation();
  return (
    <Box data-testid="trace-event" sx={{ borderLeft: '3px solid #90a4ae', pl: 1, py: 0.25 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        <Box component="span" sx={visuallyHidden}>{t('runTrace.realEvent')}: </Box>
        {eventTypeLabel(t, event.type)}
        {event.amount !== undefined && ` · ${format.money(event.amount)}`}
      </Typography>
    </Box>
  );
}

/** The event types a step's reason may name: those its wait-for waits for. */
function reasonTypesOf(chains: readonly Chain[], entry: TraceEntry): readonly string[] {
  const node = chains.find((item) => item.id === entry.chainId)?.nodes.find((item) => item.id === entry.nodeId);
  return node?.kind === 'timer' && node.timer.type === 'waitFor' ? node.timer.event.types : [];
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A step's reason as the engine wrote it, the event types in it named as the app names them
 * ("ждёт Заказ", not "ждёт order"); a type of the user's own stays as found, marked as data.
 */
function ReasonText({ reason, types }: { reason: string; types: readonly string[] }) {
  const { t } = useTranslation();
  if (types.length === 0) return reason;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${types.map(escapeForPattern).join('|')})(?![\\p{L}\\p{N}_])`, 'u');
  return reason.split(pattern).map((part, index) => {
    if (index % 2 === 0) return part;
    const label = eventTypeLabel(t, part);
    return label === part ? <span key={index} data-value>{part}</span> : label;
  });
}

function StepCell({ entry, place, reasonTypes, onShow }: { entry: TraceEntry; place: string; reasonTypes: readonly string[]; onShow: (() => void) | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isProjected = entry.isProjected === true;
  return (
    <Stack
      direction="row"
      data-testid="trace-step"
      data-decision={entry.decision}
      data-projected={isProjected || undefined}
      sx={{ alignItems: 'flex-start', gap: 1, border: isProjected ? '1px dashed #7b1fa2' : '1px solid #e3e5ee', borderRadius: 1, px: 1, py: 0.5, bgcolor: isProjected ? '#faf5fc' : 'background.paper' }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, fontStyle: isProjected ? 'italic' : 'normal' }}>{t(`runTrace.decision.${entry.decision}`)}</Typography>
          <Typography variant="caption" color="text.secondary">{place}</Typography>
          {isProjected && <Chip size="small" variant="outlined" label={t('runTrace.projected')} title={t('runTrace.projectedLong')} sx={{ height: 20, borderStyle: 'dashed', color: '#6a1b9a', borderColor: '#7b1fa2' }} />}
          {entry.group !== 'treatment' && <Chip size="small" label={t(`runTrace.${entry.group}`)} sx={{ height: 20 }} />}
        </Stack>
        <Typography variant="body2" color="text.secondary" data-testid="trace-reason"><ReasonText reason={entry.reason[language]} types={reasonTypes} /></Typography>
      </Box>
      {onShow && (
        <Tooltip title={t('runTrace.showStepOnCanvas')}>
          <IconButton size="small" aria-label={`${t('runTrace.showStepOnCanvas')}: ${place}`} onClick={onShow}><MyLocationIcon fontSize="small" /></IconButton>
        </Tooltip>
      )}
    </Stack>
  );
}

function DayHeader({ date, isBusy, format }: { date: string; isBusy: boolean; format: Formatter }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ gridColumn: '1 / -1', alignItems: 'center', mt: 1.5, pb: 0.5, borderBottom: '1px solid #e3e5ee' }} data-testid="trace-day" data-busy={isBusy || undefined}>
      <Typography variant="subtitle2" component="h3">{format.calendarDate(date)}</Typography>
      {isBusy && <Chip size="small" color="warning" label={t('runTrace.busyDay')} />}
    </Stack>
  );
}

function Row({ row, format, place, chains, onShowStep }: { row: TraceRow; format: Formatter; place: (entry: TraceEntry) => string; chains: readonly Chain[]; onShowStep: ((entry: TraceEntry, index: number) => void) | null }) {
  return (
    <>
      <Typography variant="caption" color="text.secondary" sx={{ pt: 0.5 }}>{format.dateTime(row.ts)}</Typography>
      <Box>{row.event && <EventCell event={row.event} format={format} />}</Box>
      <Box>{row.step && <StepCell entry={row.step.entry} place={place(row.step.entry)} reasonTypes={reasonTypesOf(chains, row.step.entry)} onShow={onShowStep ? () => onShowStep(row.step!.entry, row.step!.index) : null} />}</Box>
    </>
  );
}

/**
 * The customer's real events (left) and the run's decisions (right) on one time axis, a day at
 * a time. Events outside the run's period are counted and shown on request.
 */
export function TraceTimelineView({ trace, events, period, timeZone, chains, format, onShowStep }: {
  trace: readonly TraceEntry[];
  events: readonly CrmEvent[];
  period: NonNullable<EventWindow>;
  timeZone: string;
  chains: readonly Chain[];
  format: Formatter;
  onShowStep: ((entry: TraceEntry, index: number) => void) | null;
}) {
  const { t } = useTranslation();
  const [isWholeHistory, setWholeHistory] = useState(false);
  const timeline = useMemo(() => traceTimeline(trace, events, isWholeHistory ? null : period, timeZone), [trace, events, isWholeHistory, period, timeZone]);
  const place = useStepPlace(chains);
  const outside = timeline.eventsBefore + timeline.eventsAfter;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('runTrace.legend')}</Typography>
      {(outside > 0 || isWholeHistory) && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          {!isWholeHistory && <Typography variant="body2">{t('runTrace.eventsOutside', { before: format.count(timeline.eventsBefore), after: format.count(timeline.eventsAfter) })}</Typography>}
          <Button size="small" onClick={() => setWholeHistory((value) => !value)}>{isWholeHistory ? t('runTrace.showPeriodEvents') : t('runTrace.showAllEvents')}</Button>
        </Stack>
      )}
      <Box data-testid="trace-timeline" sx={{ display: 'grid', gridTemplateColumns: { xs: '96px 1fr', md: '150px minmax(0, 1fr) minmax(0, 1.6fr)' }, columnGap: 2, rowGap: 0.75, alignItems: 'start' }}>
        <Typography variant="overline" color="text.secondary">{t('runTrace.time')}</Typography>
        <Typography variant="overline" color="text.secondary">{t('runTrace.events')}</Typography>
        <Typography variant="overline" color="text.secondary">{t('runTrace.decisions')}</Typography>
        {timeline.rows.map((row, position) => (
          <Fragment key={position}>
            {row.date !== timeline.rows[position - 1]?.date && <DayHeader date={row.date} isBusy={timeline.busyDays.has(row.date)} format={format} />}
            <Row row={row} format={format} place={place} chains={chains} onShowStep={onShowStep} />
          </Fragment>
        ))}
      </Box>
    </Box>
  );
}
