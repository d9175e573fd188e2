import { Alert, Box, ButtonBase, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COMPARE_DAYS, type RfmSettings } from '../../domain/rfm';
import { formatEpochDay, isoDateToDayNumber } from '../../domain/time';
import { DateField } from '../../ui/DateField';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import type { RfmRequest } from '../../engine';
import type { DrillDown } from './drillDown';
import { rfmErrorMessage, type SegmentLabel } from './segmentLabels';
import { SegmentDot } from './SegmentTable';
import { useEngineCall } from '../../workers/useEngineCall';

interface Props {
  request: RfmRequest;
  asOfDay: number;
  labels: SegmentLabel[];
  onChange(change: Partial<RfmSettings>): void;
  onOpen(target: DrillDown): void;
}

function Matrix({ matrix, labels, fromAsOf, onOpen }: { matrix: number[][]; labels: SegmentLabel[]; fromAsOf: string; onOpen(target: DrillDown): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rowTotals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = labels.map((_, to) => matrix.reduce((sum, row) => sum + row[to]!, 0));
  const rows = labels.filter((label) => rowTotals[label.code]! > 0);
  const columns = labels.filter((label) => columnTotals[label.code]! > 0);
  const max = Math.max(1, ...matrix.flatMap((row, from) => row.filter((_, to) => to !== from)));
  const header = (label: SegmentLabel, isColumn = false) => (
    <Box sx={{ display: 'flex', flexDirection: isColumn ? 'column' : 'row', alignItems: 'center', gap: 0.5, textAlign: isColumn ? 'center' : 'left' }}>
      <SegmentDot color={label.color} />
      <span>{label.name}</span>
    </Box>
  );
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="rfm-transition-matrix" sx={{ '& td, & th': { px: 0.75 }, '& thead th': { fontSize: 11, lineHeight: 1.2, verticalAlign: 'bottom' } }}>
        <TableHead>
          <TableRow>
            <TableCell />
            {columns.map((label) => <TableCell key={label.code} align="center" sx={{ minWidth: 58, maxWidth: 90 }}>{header(label, true)}</TableCell>)}
            <TableCell align="right" sx={{ fontWeight: 600 }}>{t('segments.movement.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((from) => (
            <TableRow key={from.code} data-testid={`rfm-transition-row-${from.code}`}>
              <TableCell component="th" sx={{ fontSize: 12, whiteSpace: 'nowrap' }}>{header(from)}</TableCell>
              {columns.map((to) => {
                const count = matrix[from.code]![to.code]!;
                const isSame = from.code === to.code;
                return (
                  <TableCell key={to.code} align="center" sx={{ p: 0.25, bgcolor: count && !isSame ? alpha('#d35400', 0.08 + 0.6 * (count / max)) : isSame && count ? alpha('#1e8449', 0.14) : undefined, fontWeight: isSame ? 700 : 400 }}>
                    {count ? (
                      <ButtonBase
                        data-testid={`rfm-transition-${from.code}-${to.code}`}
                        aria-label={`${from.name} → ${to.name}: ${format.count(count)}`}
                        onClick={() => onOpen({ kind: 'transition', fromAsOf, from: from.code, to: to.code })}
                        sx={{ width: '100%', py: 0.75, borderRadius: 0.5, font: 'inherit', '&:hover': { outline: '2px solid', outlineColor: 'primary.main' } }}
                      >
                        {format.count(count)}
                      </ButtonBase>
                    ) : <Box sx={{ color: 'text.secondary' }}>—</Box>}
                  </TableCell>
                );
              })}
              <TableCell align="right" sx={{ fontWeight: 600 }}>{format.count(rowTotals[from.code]!)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Flows({ matrix, labels, fromAsOf, onOpen }: { matrix: number[][]; labels: SegmentLabel[]; fromAsOf: string; onOpen(target: DrillDown): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  const stayed = matrix.reduce((sum, row, code) => sum + row[code]!, 0);
  const flows = matrix
    .flatMap((row, from) => row.map((count, to) => ({ from, to, count })))
    .filter((flow) => flow.from !== flow.to && flow.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 8);
  return (
    <Stack spacing={1}>
      <Typography variant="body2">{t('segments.movement.stayed')}: <b>{format.count(stayed)}</b> ({format.percent(total ? stayed / total : 0)})</Typography>
      <Typography variant="body2">{t('segments.movement.moved')}: <b>{format.count(total - stayed)}</b> ({format.percent(total ? (total - stayed) / total : 0)})</Typography>
      <Typography variant="subtitle2" sx={{ pt: 1 }}>{t('segments.movement.topFlows')}</Typography>
      {flows.length === 0 && <Typography variant="body2" color="text.secondary">{t('segments.movement.noFlows')}</Typography>}
      <Box data-testid="rfm-top-flows" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
        {flows.map((flow) => (
          <ButtonBase
            key={`${flow.from}-${flow.to}`}
            onClick={() => onOpen({ kind: 'transition', fromAsOf, from: flow.from, to: flow.to })}
            sx={{ justifyContent: 'space-between', gap: 2, py: 0.5, px: 0.5, borderRadius: 1, borderBottom: '1px solid', borderColor: 'divider', font: 'inherit', fontSize: 14, '&:hover': { bgcolor: 'action.hover' } }}
          >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, textAlign: 'left' }}>
              <SegmentDot color={labels[flow.from]!.color} />
              {labels[flow.from]!.name} → <SegmentDot color={labels[flow.to]!.color} />
              {labels[flow.to]!.name}
            </Box>
            <b>{format.count(flow.count)}</b>
          </ButtonBase>
        ))}
      </Box>
    </Stack>
  );
}

/** Customers by segment on an earlier date (rows) and on the analysis date (columns). */
export function TransitionView({ request, asOfDay, labels, onChange, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const fromAsOf = request.settings.compareFrom ?? formatEpochDay(asOfDay - DEFAULT_COMPARE_DAYS);
  const isValid = isoDateToDayNumber(fromAsOf) < asOfDay;
  const answer = useEngineCall('rfm', 'rfmTransition', isValid ? { ...request, fromAsOf } : null);
  return (
    <Paper sx={{ p: 2 }} data-testid="rfm-movement">
      <Typography variant="h6" component="h2">{t('segments.movement.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('segments.movement.help')}</Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <DateField
          label={t('segments.movement.from')}
          value={fromAsOf}
          onChange={(date) => onChange({ compareFrom: date })}
          max={formatEpochDay(asOfDay - 1)}
          error={!isValid}
          helperText={isValid ? ' ' : t('segments.movement.fromBeforeTo')}
          testId="rfm-compare-from"
        />
        <TextField size="small" label={t('segments.movement.to')} value={format.calendarDate(formatEpochDay(asOfDay))} slotProps={{ input: { readOnly: true } }} />
      </Stack>
      {answer.isLoading && <BusyBar label={t('segments.movement.computing')} sx={{ mb: 1 }} />}
      {answer.error !== undefined && <Alert severity="error">{rfmErrorMessage(answer.error, t)}</Alert>}
      {answer.value && isValid && (
        <Stack spacing={3} aria-busy={answer.isLoading}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="caption" color="text.secondary">
              {t('segments.movement.rowsAt', { date: format.calendarDate(formatEpochDay(answer.value.fromAsOfDay)), to: format.calendarDate(formatEpochDay(answer.value.toAsOfDay)) })}
            </Typography>
            <Matrix matrix={answer.value.matrix} labels={labels} fromAsOf={fromAsOf} onOpen={onOpen} />
          </Box>
          <Flows matrix={answer.value.matrix} labels={labels} fromAsOf={fromAsOf} onOpen={onOpen} />
        </Stack>
      )}
    </Paper>
  );
}
