import { Box, ButtonBase, Stack, Typography } from '@mui/material';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CohortRow, CohortTable as CohortTableData } from '../../domain/metrics';
import { formatEpochDay } from '../../domain/time';
import { cellColor, cohortCells, scaleMaximum, type CohortView } from './cohortScale';
import type { MetricsFormat } from './metricsFormat';

/** Rows shown on screen; the CSV and the HTML dashboard hold every cohort. */
export const SHOWN_COHORTS = 60;

export interface CohortCellTarget {
  period: number;
  cohort: string;
  /** null: every customer of the cohort */
  k: number | null;
}

interface Props {
  table: CohortTableData;
  view: CohortView;
  format: MetricsFormat;
  onOpen(target: CohortCellTarget): void;
}

const GREY_TEXT = '#4d5156';
const GREY_FILL = '#eef0f2';
// The first column is as wide as the second one's sticky offset, so both stay in view when scrolling.
const FIRST_COLUMN = { minWidth: 88, maxWidth: 88, boxSizing: 'border-box' } as const;

/** "M3" / "W3" (Russian "М3" / "Н3"): the label of period k. */
export function periodLabel(t: TFunction, unit: string, k: number): string {
  return t(unit === 'week' ? 'metrics.cohorts.periodWeek' : 'metrics.cohorts.periodMonth', { k });
}

/** One row: the cohort's label and size, then one clickable cell per period it has reached. */
const CohortTableRow = memo(function CohortTableRow({ row, width, view, max, unit, format, onOpen }: { row: CohortRow; width: number; view: CohortView; max: number; unit: string; format: MetricsFormat; onOpen(target: CohortCellTarget): void }) {
  const { t } = useTranslation();
  const cells = cohortCells(row, view);
  return (
    <tr data-testid="cohort-row" data-cohort={row.cohort} data-small={row.isSmallSample || undefined}>
      <Box component="th" scope="row" sx={{ ...stickyCell(0), ...FIRST_COLUMN, textAlign: 'left', fontWeight: 500, color: row.isSmallSample ? GREY_TEXT : undefined }}>
        <ButtonBase onClick={() => onOpen({ period: row.period, cohort: row.cohort, k: null })} sx={{ font: 'inherit', px: 0.5, minHeight: 24, borderRadius: 1 }} aria-label={t('metrics.customers.title', { cohort: row.cohort, what: t('metrics.customers.all') })}>
          {row.cohort}
        </ButtonBase>
      </Box>
      <Box component="td" sx={{ ...stickyCell(88), textAlign: 'right', color: row.isSmallSample ? GREY_TEXT : undefined }} title={row.isSmallSample ? t('metrics.cohorts.smallCohort', { n: row.customers }) : undefined}>
        {format.count(row.customers)}
      </Box>
      {Array.from({ length: width }, (_, k) => {
        if (k >= cells.length) return <td key={k} />;
        const value = cells[k]!;
        const isPartial = row.partialLast && k === cells.length - 1;
        const text = view === 'retention' ? format.percent(value) : format.money(value);
        const label = view === 'retention'
          ? t('metrics.cohorts.cellRetention', { cohort: row.cohort, period: periodLabel(t, unit, k), value: text, count: format.count(row.retained[k]!), customers: format.count(row.customers) })
          : t('metrics.cohorts.cellLtv', { cohort: row.cohort, period: periodLabel(t, unit, k), value: text });
        const background = row.isSmallSample ? GREY_FILL : view === 'retention' && k === 0 ? 'transparent' : cellColor(value, max);
        return (
          <Box component="td" key={k} sx={{ p: 0, background, borderLeft: '1px solid #fff', ...(isPartial ? { outline: '1px dashed #5f6b7a', outlineOffset: '-2px' } : {}) }}>
            <ButtonBase
              onClick={() => onOpen({ period: row.period, cohort: row.cohort, k: view === 'retention' ? k : null })}
              aria-label={label}
              data-testid={`cohort-cell-${row.cohort}-${k}`}
              sx={{ width: '100%', minHeight: 24, justifyContent: 'flex-end', px: 0.75, py: 0.25, font: 'inherit', fontStyle: isPartial ? 'italic' : undefined, color: row.isSmallSample ? GREY_TEXT : '#111' }}
            >
              {text}
              {isPartial ? '*' : ''}
            </ButtonBase>
          </Box>
        );
      })}
    </tr>
  );
});

function stickyCell(left: number) {
  return { position: 'sticky', left, zIndex: 1, background: '#fff', px: 1, whiteSpace: 'nowrap' } as const;
}

/** The colour-scaled cohort table: retention or cumulative revenue per customer, newest cohorts last. */
export function CohortTable({ table, view, format, onOpen }: Props) {
  const { t } = useTranslation();
  const rows = table.cohorts.slice(-SHOWN_COHORTS);
  const width = rows.reduce((max, row) => Math.max(max, row.retention.length), 0);
  const max = useMemo(() => scaleMaximum(table, view), [table, view]);
  const unit = table.unit;
  const lastDay = formatEpochDay(table.asOfDay - 1);
  if (rows.length === 0) return <Typography color="text.secondary" data-testid="cohorts-none">{t('metrics.cohorts.none')}</Typography>;
  return (
    <Stack spacing={1}>
      <Box sx={{ overflow: 'auto', maxHeight: 560, border: '1px solid', borderColor: 'divider', borderRadius: 1 }} tabIndex={0} role="region" aria-label={t(`metrics.cohorts.views.${view}`)}>
        <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: 13, fontVariantNumeric: 'tabular-nums', minWidth: '100%' }} data-testid="cohort-table" data-view={view}>
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '6px 8px', color: '#4d5156' }}>{t(unit === 'week' ? 'metrics.cohorts.periodsWeek' : 'metrics.cohorts.periodsMonth')}</caption>
          <thead>
            <tr>
              <Box component="th" scope="col" sx={{ ...stickyCell(0), ...FIRST_COLUMN, top: 0, zIndex: 2, textAlign: 'left' }}>{t('metrics.cohorts.cohort')}</Box>
              <Box component="th" scope="col" sx={{ ...stickyCell(88), top: 0, zIndex: 2, textAlign: 'right' }}>{t('metrics.cohorts.customers')}</Box>
              {Array.from({ length: width }, (_, k) => (
                <Box component="th" scope="col" key={k} sx={{ position: 'sticky', top: 0, background: '#fff', px: 0.75, textAlign: 'right', fontWeight: 500 }}>{periodLabel(t, unit, k)}</Box>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => <CohortTableRow key={row.period} row={row} width={width} view={view} max={max} unit={unit} format={format} onOpen={onOpen} />)}
          </tbody>
        </Box>
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 3 }} sx={{ color: 'text.secondary' }}>
        {table.isLastPeriodPartial && <Typography variant="caption" data-testid="cohorts-partial">{t('metrics.cohorts.partial', { unit: t(unit === 'week' ? 'metrics.curves.week' : 'metrics.curves.month'), date: format.calendarDate(lastDay) })}</Typography>}
        <Typography variant="caption">{t('metrics.cohorts.small')}</Typography>
        {table.cohorts.length > rows.length && <Typography variant="caption">{t('metrics.cohorts.truncated', { shown: rows.length, total: table.cohorts.length })}</Typography>}
      </Stack>
    </Stack>
  );
}
