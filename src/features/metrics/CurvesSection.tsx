import { Box, Paper, Typography } from '@mui/material';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { MetricsDashboard } from '../../domain/metrics';
import { curveConfig, type CurveKind } from './curveCharts';
import { curveSummary, periodLabelOf } from './metricsExport';
import type { MetricsFormat } from './metricsFormat';

/** One curve: the chart as an image named by its title and one-sentence summary. */
function Curve({ kind, dashboard, format }: { kind: CurveKind; dashboard: MetricsDashboard; format: MetricsFormat }) {
  const { t } = useTranslation();
  const { unit, average } = dashboard.cohorts;
  const config = curveConfig({ kind, average, periodLabel: (k) => periodLabelOf(t, unit, k), formatValue: kind === 'retention' ? format.percent : format.money, seriesName: t(`metrics.curves.${kind}`) });
  const title = t(`metrics.curves.${kind}`);
  const summary = curveSummary(kind, dashboard, format, t);
  return (
    <Paper sx={{ p: 2 }} data-testid={`metrics-curve-${kind}`}>
      <Typography variant="h6" component="h3">{title}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{summary}</Typography>
      <Box sx={{ position: 'relative', height: 260 }}>
        {/* react-chartjs-2 gives the canvas role="img"; the name goes on it (axe role-img-alt) */}
        <Line data={config.data} options={config.options} aria-label={`${title}. ${summary}`} />
      </Box>
    </Paper>
  );
}

export function CurvesSection({ dashboard, format }: { dashboard: MetricsDashboard; format: MetricsFormat }) {
  if (!dashboard.cohorts.average.customers.some((customers) => customers > 0)) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
      <Curve kind="retention" dashboard={dashboard} format={format} />
      <Curve kind="ltv" dashboard={dashboard} format={format} />
    </Box>
  );
}
