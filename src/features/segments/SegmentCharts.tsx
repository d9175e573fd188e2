import { Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ChartValueKind } from '../../domain/format';
import type { SegmentTotals } from '../../domain/rfm';
import { baseChartOptions } from '../../ui/charts/chartSetup';
import { ChartFigure } from '../../ui/charts/ChartFigure';
import { useFormat } from '../../ui/format';
import type { SegmentLabel } from './segmentLabels';

const METRICS = ['customers', 'revenueShare', 'averageOrder'] as const;
type Metric = (typeof METRICS)[number];
const KINDS: Record<Metric, ChartValueKind> = { customers: 'count', revenueShare: 'percent', averageOrder: 'money' };

/** Segments by customers, share of net revenue or average order value, as horizontal bars. */
export function SegmentCharts({ totals, labels }: { totals: SegmentTotals[]; labels: SegmentLabel[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [metric, setMetric] = useState<Metric>('customers');
  const revenue = totals.reduce((sum, total) => sum + total.revenue, 0);
  // "No purchases" is not a segment (no orders, no revenue): the stat cards show its size.
  const rows = totals.filter((total) => total.orders > 0);
  const value = (total: SegmentTotals): number => {
    if (metric === 'customers') return total.customers;
    if (metric === 'revenueShare') return revenue > 0 ? total.revenue / revenue : 0;
    return total.orders ? total.revenue / total.orders : 0;
  };
  const shown = (number: number) => (metric === 'customers' ? format.count(number) : metric === 'revenueShare' ? format.percent(number) : format.money(number, 'whole'));
  const options = baseChartOptions<'bar'>(format, KINDS[metric], { valueAxis: 'x' });
  options.indexAxis = 'y';
  options.plugins = { ...options.plugins, legend: { display: false } };
  options.animation = { duration: 250 };
  const title = t(`segments.charts.${metric}`);
  const largest = rows.reduce<SegmentTotals | null>((best, total) => (best === null || value(total) > value(best) ? total : best), null);
  return (
    <Paper sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column' }} data-testid="rfm-charts">
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{title}</Typography>
        <ToggleButtonGroup size="small" exclusive value={metric} onChange={(_, next: Metric | null) => next && setMetric(next)} aria-label={t('segments.charts.metric')}>
          {METRICS.map((option) => <ToggleButton key={option} value={option}>{t(`segments.charts.${option}`)}</ToggleButton>)}
        </ToggleButtonGroup>
      </Stack>
      <ChartFigure
        label={title}
        summary={largest ? t('segments.charts.summary', { count: rows.length, largest: labels[largest.code]!.name, value: shown(value(largest)) }) : t('segments.charts.summaryEmpty')}
        table={{ category: t('segments.table.segment'), series: [title], rows: rows.map((total) => ({ label: labels[total.code]!.name, values: [shown(value(total))] })) }}
        height={Math.max(240, rows.length * 30)}
        testId="rfm-chart"
      >
        <Bar
          options={options}
          data={{
            labels: rows.map((total) => labels[total.code]!.name),
            datasets: [{ label: title, data: rows.map(value), backgroundColor: rows.map((total) => labels[total.code]!.color), borderRadius: 4, maxBarThickness: 22 }],
          }}
        />
      </ChartFigure>
    </Paper>
  );
}
