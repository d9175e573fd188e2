import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { DataQualityReport } from '../../domain/quality';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { formatInteger } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';

Chart.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const COLORS = ['#3f51b5', '#26a69a', '#ef6c00', '#8e24aa', '#43a047', '#e53935', '#00897b', '#6d4c41', '#fdd835', '#90a4ae'];
const SHOWN_TYPES = 8;
const FONT = { family: 'Roboto, sans-serif', size: 12 };

function monthLabel(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, number - 1, 1));
}

/** Events per type per month (the busiest types, the rest together), and the type table. */
export function EventsOverTime({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = report.eventTypes.slice(0, SHOWN_TYPES);
  const rest = report.eventTypes.slice(SHOWN_TYPES);
  const datasets = shown.map((entry, i) => ({ label: eventTypeLabel(t, entry.type), data: report.perMonth[entry.type] ?? [], backgroundColor: COLORS[i % COLORS.length] }));
  if (rest.length) datasets.push({ label: t('dataQuality.events.other'), data: report.months.map((_, m) => rest.reduce((sum, entry) => sum + (report.perMonth[entry.type]?.[m] ?? 0), 0)), backgroundColor: COLORS[COLORS.length - 1] });
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { position: 'bottom' as const, labels: { font: FONT, boxWidth: 12 } } },
    scales: { x: { stacked: true, ticks: { font: FONT } }, y: { stacked: true, beginAtZero: true, ticks: { font: FONT, precision: 0 } } },
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="quality-events">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('dataQuality.events.chart')}
      </Typography>
      <Box sx={{ height: 320 }}>
        <Bar data={{ labels: report.months.map((month) => monthLabel(month, language)), datasets }} options={options} aria-label={t('dataQuality.events.chart')} role="img" />
      </Box>
      <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
        {t('dataQuality.events.title')}
      </Typography>
      <Table size="small" data-testid="quality-event-types">
        <TableHead>
          <TableRow>
            <TableCell>{t('dataQuality.events.type')}</TableCell>
            <TableCell align="right">{t('dataQuality.events.count')}</TableCell>
            <TableCell align="right">{t('dataQuality.events.customers')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.eventTypes.map((entry) => (
            <TableRow key={entry.type}>
              <TableCell>{eventTypeLabel(t, entry.type)}</TableCell>
              <TableCell align="right">{formatInteger(entry.count, language)}</TableCell>
              <TableCell align="right">{formatInteger(entry.customers, language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
