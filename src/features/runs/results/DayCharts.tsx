import { Box, Paper, Typography } from '@mui/material';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { SimulationReport } from '../../../domain/simulation';
import { baseChartOptions } from '../../../ui/charts/chartSetup';
import { ChartFigure } from '../../../ui/charts/ChartFigure';
import { useFormat } from '../../../ui/format';
import { categoryColor, categoryDash } from '../../../ui/palette';
import { DAY_CHARTS, daySeries, type DayChart, type DaySeries } from './resultsModel';
import { channelName } from './runText';

export interface ChartRun {
  /** told apart in the legend when several runs are overlaid (compare) */
  label: string | null;
  report: SimulationReport;
}

/**
 * One per-day chart of one run, or of two runs overlaid (compare: the second run dashed). The
 * projected series is dashed and named "(projected)"; its table says so too.
 */
export function DayChartFigure({ chart, runs, dates }: { chart: DayChart; runs: ChartRun[]; dates: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = chart === 'cost' ? 'money' : 'count';
  const seriesName = (series: DaySeries) => (chart === 'messages' ? channelName(series.id, t) : t(`runResults.charts.series.${series.id}`));
  const datasets = runs.flatMap((run, r) => {
    const byDate = new Map(run.report.days.map((day, index) => [day.date, index]));
    const all = daySeries(run.report, chart);
    return all.map((series, s) => {
      // In a comparison each run has colours of its own, so "Email — run A" and "Email — run B" differ.
      const color = categoryColor(s + r * Math.max(all.length, 2));
      return {
        label: run.label ? `${seriesName(series)} — ${run.label}` : seriesName(series),
        data: dates.map((date) => series.values[byDate.get(date) ?? -1] ?? 0),
        borderColor: color,
        backgroundColor: color,
        borderDash: series.basis === 'projected' || r > 0 ? categoryDash(1) : undefined,
        borderWidth: 2,
        pointRadius: dates.length > 60 ? 0 : 2,
        tension: 0.2,
      };
    });
  });
  const labels = dates.map((date) => format.calendarDate(date));
  const title = t(`runResults.charts.${chart}`);
  const total = datasets.reduce((sum, dataset) => sum + dataset.data.reduce((a, b) => a + b, 0), 0);
  // Overlaid runs read better as lines; one run's messages stack by channel.
  const isBar = runs.length === 1 && (chart === 'messages' || chart === 'cost');
  const options = baseChartOptions<'bar' | 'line'>(format, kind, { isStacked: chart === 'messages' && runs.length === 1 });
  options.interaction = { mode: 'index', intersect: false };
  const data = { labels, datasets };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h3">{title}</Typography>
      <ChartFigure
        label={title}
        summary={t('runResults.charts.summary', { days: dates.length, from: labels[0] ?? '', to: labels.at(-1) ?? '', total: kind === 'money' ? format.money(total, 'whole') : format.count(total) })}
        table={{ category: t('runResults.charts.day'), series: datasets.map((dataset) => dataset.label), rows: labels.map((label, d) => ({ label, values: datasets.map((dataset) => (kind === 'money' ? format.money(dataset.data[d] ?? 0) : format.count(dataset.data[d] ?? 0))) })) }}
        height={240}
        testId={`day-chart-${chart}`}
      >
        {isBar ? <Bar data={data} options={options as never} /> : <Line data={data} options={options as never} />}
      </ChartFigure>
    </Paper>
  );
}

/** Entries, messages by channel, conversions and cost per day of one run. */
export function DayCharts({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const dates = report.days.map((day) => day.date);
  return (
    <Box component="section" aria-labelledby="run-days-title">
      <Typography variant="h6" component="h2" id="run-days-title" sx={{ mb: 1 }}>{t('runResults.charts.title')}</Typography>
      {dates.length === 0 ? (
        <Typography color="text.secondary">{t('runResults.charts.empty')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, 1fr)' } }}>
          {DAY_CHARTS.map((chart) => <DayChartFigure key={chart} chart={chart} runs={[{ label: null, report }]} dates={dates} />)}
        </Box>
      )}
    </Box>
  );
}
