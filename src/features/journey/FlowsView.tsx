import { Alert, Box, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateToDayNumber } from '../../domain';
import { shiftIsoDate, type LifecycleStatus, type StageMapping } from '../../domain/journey';
import { errorMessage } from '../../ui/errorMessage';
import { DateField } from '../../ui/DateField';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import type { JourneyOverview, JourneyRequest } from '../../engine';
import { useEngineCall } from '../../workers/useEngineCall';
import { NO_WRAP, stageName, statusLabel } from './labels';

type Kind = 'lifecycle' | 'stage';

function useFlows(request: JourneyRequest, fromDate: string, toDate: string, kind: Kind) {
  const isValid = isoDateToDayNumber(fromDate) < isoDateToDayNumber(toDate);
  const { value, error, isLoading } = useEngineCall('journey', 'flows', isValid ? { ...request, fromDate, toDate, kind } : null);
  return { flows: value ?? null, error: error ?? null, isLoading, isValid };
}

/** From-state × to-state matrix of lifecycle statuses or stages between two dates. */
export function FlowsView({ mapping, overview, request }: { mapping: StageMapping; overview: JourneyOverview; request: JourneyRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const asOf = overview.asOfDate!;
  const [fromDate, setFromDate] = useState(() => shiftIsoDate(asOf, -90));
  const [toDate, setToDate] = useState(asOf);
  const [kind, setKind] = useState<Kind>('lifecycle');
  const { flows, error, isLoading, isValid } = useFlows(request, fromDate, toDate, kind);
  const label = (state: string) => {
    if (state === 'not_known') return t('journey.lifecycle.notKnown');
    if (state === 'no_stage') return t('journey.lifecycle.noStage');
    return flows?.kind === 'lifecycle' ? statusLabel(state as LifecycleStatus, t) : stageName(mapping, state, t);
  };
  const max = flows ? Math.max(1, ...flows.counts.flat()) : 1;
  return (
    <Paper sx={{ p: 2 }} data-testid="lifecycle-flows">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2">{t('journey.lifecycle.flows')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('journey.lifecycle.flowsHelp')}</Typography>
        </Box>
        <DateField label={t('journey.lifecycle.from')} value={fromDate} onChange={(date) => date && setFromDate(date)} max={asOf} testId="flows-from" sx={{ width: 190 }} />
        <DateField label={t('journey.lifecycle.to')} value={toDate} onChange={(date) => date && setToDate(date)} max={asOf} testId="flows-to" sx={{ width: 190 }} />
        <ToggleButtonGroup size="small" sx={NO_WRAP} exclusive value={kind} onChange={(_, value: Kind | null) => value && setKind(value)}>
          <ToggleButton value="lifecycle">{t('journey.lifecycle.kindLifecycle')}</ToggleButton>
          <ToggleButton value="stage">{t('journey.lifecycle.kindStage')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {!isValid && <Alert severity="warning">{t('journey.lifecycle.flowOrder')}</Alert>}
      {error !== null && <Alert severity="error">{errorMessage(error, t)}</Alert>}
      {isLoading && <BusyBar label={t('journey.lifecycle.loadingFlows')} />}
      {flows && isValid && (
        <TableContainer aria-busy={isLoading}>
          <Table size="small" data-testid="flows-table">
            <TableHead>
              <TableRow>
                <TableCell>{`${t('journey.lifecycle.from')} \\ ${t('journey.lifecycle.to')}`}</TableCell>
                {flows.states.map((state) => <TableCell key={state} align="right" sx={{ fontWeight: 600 }}>{label(state)}</TableCell>)}
                <TableCell align="right" sx={{ fontWeight: 600 }}>{t('journey.lifecycle.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {flows.states.map((state, i) => (
                <TableRow key={state} hover>
                  <TableCell component="th" sx={{ fontWeight: 600 }}>{label(state)}</TableCell>
                  {flows.counts[i]!.map((count, j) => (
                    <TableCell key={j} align="right" sx={{ bgcolor: count ? (i === j ? `rgba(120,120,120,${0.08 + 0.3 * (count / max)})` : `rgba(63,81,181,${0.06 + 0.45 * (count / max)})`) : undefined }}>
                      {count ? format.count(count) : <Box component="span" sx={{ color: 'text.secondary' }}>{t('journey.funnel.none')}</Box>}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ fontWeight: 600 }}>{format.count(flows.fromTotals[i]!)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" sx={{ fontWeight: 600 }}>{t('journey.lifecycle.total')}</TableCell>
                {flows.toTotals.map((count, j) => <TableCell key={j} align="right" sx={{ fontWeight: 600 }}>{format.count(count)}</TableCell>)}
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
