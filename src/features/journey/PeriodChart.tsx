import { Box, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PeriodUnit, StageMapping, StagesByPeriod } from '../../domain/journey';
import { baseChartOptions, markDataStart } from '../../ui/charts/chartSetup';
import { ChartFigure } from '../../ui/charts/ChartFigure';
import { useFormat } from '../../ui/format';
import { categoryDash } from '../../ui/palette';
import { NO_WRAP, stageColor, stageNames } from './labels';

type Mode = 'entered' | 'snapshot';

/**
 * Stages per month or week: first entries (lines) or the furthest-stage mix at each period end
 * (stacked bars). The first period is marked "data starts here": in "first reached" it holds
 * everyone who was already there when the data starts, which must not read as a spike.
 */
export function PeriodChart({ mapping, periods, unit, hidden }: { mapping: StageMapping; periods: StagesByPeriod; unit: PeriodUnit; hidden: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, setParams] = useSearchParams();
  const [mode, setMode] = useState<Mode>('entered');
  const names = stageNames(mapping, t);
  const labels = periods.periods.map((period) => {
    const label = unit === 'month' ? format.month(period.startDate) : format.weekStart(period.startDate);
    return period.isPartial ? t('journey.periods.partial', { label }) : label;
  });
  const shownStages = periods.stageIds.map((id, s) => ({ id, s })).filter(({ id }) => !hidden.has(id));
  const datasets = shownStages.map(({ id, s }) => ({
    label: names[s] ?? id,
    data: periods.periods.map((period) => (mode === 'entered' ? period.entered[s]! : period.furthestAtEnd[s]!)),
    borderColor: stageColor(s),
    backgroundColor: stageColor(s),
    borderDash: categoryDash(s),
    pointRadius: unit === 'week' ? 0 : 2,
    borderWidth: 2,
    tension: 0.25,
  }));
  const lineOptions = baseChartOptions<'line'>(format, 'count');
  const barOptions = baseChartOptions<'bar'>(format, 'count', { isStacked: true });
  for (const options of [lineOptions, barOptions]) {
    options.interaction = { mode: 'index', intersect: false };
    options.plugins = { ...options.plugins, dataStart: { isEnabled: true } };
  }
  const title = t('journey.periods.title');
  const chartData = { labels: markDataStart(labels, t('chart.dataStarts')), datasets };
  return (
    <Paper sx={{ p: 2 }} data-testid="journey-periods">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2">{title}</Typography>
          <Typography variant="body2" color="text.secondary">{t(mode === 'entered' ? 'journey.periods.enteredHelp' : 'journey.periods.snapshotHelp')}</Typography>
        </Box>
        <ToggleButtonGroup size="small" sx={NO_WRAP} exclusive value={mode} onChange={(_, value: Mode | null) => value && setMode(value)} aria-label={t('journey.periods.modeLabel')}>
          <ToggleButton value="entered">{t('journey.periods.entered')}</ToggleButton>
          <ToggleButton value="snapshot">{t('journey.periods.snapshot')}</ToggleButton>
        </ToggleButtonGroup>
        <ToggleButtonGroup
          size="small"
          sx={NO_WRAP}
          exclusive
          value={unit}
          aria-label={t('journey.periods.unitLabel')}
          onChange={(_, value: PeriodUnit | null) => value && setParams((current) => {
            const next = new URLSearchParams(current);
            if (value === 'month') next.delete('unit');
            else next.set('unit', value);
            return next;
          })}
        >
          <ToggleButton value="month" data-testid="journey-unit-month">{t('journey.periods.month')}</ToggleButton>
          <ToggleButton value="week" data-testid="journey-unit-week">{t('journey.periods.week')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {periods.periods.length === 0 ? (
        <Typography color="text.secondary">{t('journey.periods.empty')}</Typography>
      ) : (
        <Box data-testid="journey-period-chart" data-periods={periods.periods.length}>
          <ChartFigure
            label={`${title}: ${t(mode === 'entered' ? 'journey.periods.entered' : 'journey.periods.snapshot')}`}
            summary={t('journey.periods.summary', { count: periods.periods.length, from: labels[0] ?? '', to: labels.at(-1) ?? '', stages: datasets.map((dataset) => dataset.label).join(', ') })}
            table={{ category: t(unit === 'month' ? 'chart.month' : 'chart.week'), series: datasets.map((dataset) => dataset.label), rows: labels.map((label, p) => ({ label, values: datasets.map((dataset) => format.count(dataset.data[p] ?? 0)) })) }}
            height={320}
            testId="journey-period-figure"
          >
            {mode === 'entered' ? <Line data={chartData} options={lineOptions} /> : <Bar data={chartData} options={barOptions} />}
          </ChartFigure>
        </Box>
      )}
    </Paper>
  );
}
