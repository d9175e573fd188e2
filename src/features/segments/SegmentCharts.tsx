import { Box, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { SegmentTotals } from '../../domain/rfm';
import { formatInteger, formatMoney, formatPercent } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import type { SegmentLabel } from './segmentLabels';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

const METRICS = ['customers', 'revenueShare', 'averageOrder'] as const;
type Metric = (typeof METRICS)[number];

/** Segments by customers, share of net revenue or average order value, as horizontal bars. */
export function SegmentCharts({ totals, labels }: { totals: SegmentTotals[]; labels: SegmentLabel[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [metric, setMetric] = useState<Metric>('customers');
  const revenue = totals.reduce((sum, total) => sum + total.revenue, 0);
  // "No purchases" is not a segment (no orders, no revenue): the stat cards show its size.
  const rows = totals.filter((total) => total.orders > 0);
  const value = (total: SegmentTotals): number => {
    if (metric === 'customers') return total.customers;
    if (metric === 'revenueShare') return revenue > 0 ? total.revenue / revenue : 0;
    return total.orders ? total.revenue / total.orders : 0;
  };
  const format = (number: number) => (metric === 'customers' ? formatInteger(number, language) : metric === 'revenueShare' ? formatPercent(number, language) : formatMoney(Math.round(number), language));
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    maintainAspectRatio: false,
    animation: { duration: 250 },
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => format(item.parsed.x ?? 0) } } },
    scales: { x: { beginAtZero: true, ticks: { callback: (tick) => format(Number(tick)) } }, y: { ticks: { autoSkip: false } } },
  };
  return (
    <Paper sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column' }} data-testid="rfm-charts">
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{t(`segments.charts.${metric}`)}</Typography>
        <ToggleButtonGroup size="small" exclusive value={metric} onChange={(_, next: Metric | null) => next && setMetric(next)}>
          {METRICS.map((option) => <ToggleButton key={option} value={option}>{t(`segments.charts.${option}`)}</ToggleButton>)}
        </ToggleButtonGroup>
      </Stack>
      <Box sx={{ position: 'relative', flexGrow: 1, minHeight: Math.max(240, rows.length * 30) }}>
        <Bar
          aria-label={t(`segments.charts.${metric}`)}
          role="img"
          options={options}
          data={{
            labels: rows.map((total) => labels[total.code]!.name),
            datasets: [{ data: rows.map(value), backgroundColor: rows.map((total) => labels[total.code]!.color), borderRadius: 4, maxBarThickness: 22 }],
          }}
        />
      </Box>
    </Paper>
  );
}
