import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { DataQualityReport } from '../../domain/quality';
import { baseChartOptions, markDataStart } from '../../ui/charts/chartSetup';
import { ChartFigure } from '../../ui/charts/ChartFigure';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { useFormat } from '../../ui/format';
import { categoryColor, NEUTRAL_COLOR } from '../../ui/palette';

const SHOWN_TYPES = 6;

/** Events per type per month (the busiest types, the rest together), and the type table. */
export function EventsOverTime({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = report.eventTypes.slice(0, SHOWN_TYPES);
  const rest = report.eventTypes.slice(SHOWN_TYPES);
  const datasets = shown.map((entry, i) => ({ label: eventTypeLabel(t, entry.type), data: report.perMonth[entry.type] ?? [], backgroundColor: categoryColor(i) }));
  if (rest.length) datasets.push({ label: t('dataQuality.events.other'), data: report.months.map((_, m) => rest.reduce((sum, entry) => sum + (report.perMonth[entry.type]?.[m] ?? 0), 0)), backgroundColor: NEUTRAL_COLOR });
  const months = report.months.map((month) => format.month(`${month}-01`));
  const totals = report.months.map((_, m) => datasets.reduce((sum, dataset) => sum + (dataset.data[m] ?? 0), 0));
  const busiest = totals.indexOf(Math.max(...totals));
  const options = baseChartOptions<'bar'>(format, 'count', { isStacked: true });
  options.plugins = { ...options.plugins, dataStart: { isEnabled: true } };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="quality-events">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('dataQuality.events.chart')}
      </Typography>
      <ChartFigure
        label={t('dataQuality.events.chart')}
        summary={t('dataQuality.events.chartSummary', { count: report.events, from: months[0] ?? '', to: months.at(-1) ?? '', busiest: months[busiest] ?? '', busiestEvents: format.count(totals[busiest] ?? 0) })}
        table={{ category: t('chart.month'), series: datasets.map((dataset) => dataset.label), rows: months.map((month, m) => ({ label: month, values: datasets.map((dataset) => format.count(dataset.data[m] ?? 0)) })) }}
        height={320}
        testId="quality-events-chart"
      >
        <Bar data={{ labels: markDataStart(months, t('chart.dataStarts')), datasets }} options={options} />
      </ChartFigure>
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
              <TableCell align="right">{format.count(entry.count)}</TableCell>
              <TableCell align="right">{format.count(entry.customers)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
