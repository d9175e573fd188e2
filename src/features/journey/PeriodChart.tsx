import { Box, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PeriodUnit, StageMapping, StagesByPeriod } from '../../domain/journey';
import type { Language } from '../../i18n/i18n';
import { useLanguage } from '../../ui/useLanguage';
import { CHART_FONT } from './charts';
import { NO_WRAP, stageColor, stageNames } from './labels';

type Mode = 'entered' | 'snapshot';

function periodLabel(startDate: string, unit: PeriodUnit, language: Language): string {
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const options: Intl.DateTimeFormatOptions = unit === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(Date.UTC(year, month - 1, day));
}

/** Stages per month or week: first entries (lines) or the furthest-stage mix at each period end (stacked bars). */
export function PeriodChart({ mapping, periods, unit }: { mapping: StageMapping; periods: StagesByPeriod; unit: PeriodUnit }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [, setParams] = useSearchParams();
  const [mode, setMode] = useState<Mode>('entered');
  const names = stageNames(mapping, t);
  const labels = periods.periods.map((period) => {
    const label = periodLabel(period.startDate, unit, language);
    return period.isPartial ? t('journey.periods.partial', { label }) : label;
  });
  const datasets = periods.stageIds.map((_, s) => ({
    label: names[s] ?? periods.stageIds[s]!,
    data: periods.periods.map((period) => (mode === 'entered' ? period.entered[s]! : period.furthestAtEnd[s]!)),
    borderColor: stageColor(s),
    backgroundColor: stageColor(s),
    pointRadius: unit === 'week' ? 0 : 2,
    borderWidth: 2,
    tension: 0.25,
  }));
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    interaction: { mode: 'index' as const, intersect: false },
    plugins: { legend: { position: 'bottom' as const, labels: { font: CHART_FONT, boxWidth: 12 } } },
    scales: {
      x: { stacked: mode === 'snapshot', ticks: { font: CHART_FONT, maxRotation: 0, autoSkip: true } },
      y: { stacked: mode === 'snapshot', beginAtZero: true, ticks: { font: CHART_FONT, precision: 0 } },
    },
  };
  return (
    <Paper sx={{ p: 2 }} data-testid="journey-periods">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2">{t('journey.periods.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t(mode === 'entered' ? 'journey.periods.enteredHelp' : 'journey.periods.snapshotHelp')}</Typography>
        </Box>
        <ToggleButtonGroup size="small" sx={NO_WRAP} exclusive value={mode} onChange={(_, value: Mode | null) => value && setMode(value)}>
          <ToggleButton value="entered">{t('journey.periods.entered')}</ToggleButton>
          <ToggleButton value="snapshot">{t('journey.periods.snapshot')}</ToggleButton>
        </ToggleButtonGroup>
        <ToggleButtonGroup
          size="small"
          sx={NO_WRAP}
          exclusive
          value={unit}
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
        <Box sx={{ height: 320 }} data-testid="journey-period-chart" data-periods={periods.periods.length}>
          {mode === 'entered' ? <Line data={{ labels, datasets }} options={options} /> : <Bar data={{ labels, datasets }} options={options} />}
        </Box>
      )}
    </Paper>
  );
}
