import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsTotals } from '../../domain/metrics';
import type { MetricsFormat } from './metricsFormat';

/** Repeat orders: buyers by how many orders they placed in the period, as a table with bars. */
export function OrdersPerBuyer({ totals, format, actions }: { totals: MetricsTotals; format: MetricsFormat; actions?: ReactNode }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...totals.ordersPerBuyer);
  return (
    <Paper sx={{ p: 2 }} data-testid="metrics-orders-per-buyer">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>{t('metrics.repeat.title')}</Typography>
        {actions}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('metrics.repeat.summary', { share: totals.repeatRate === null ? '—' : format.percent(totals.repeatRate) })}
      </Typography>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={{ textAlign: 'left', fontWeight: 500, py: 0.5 }}>{t('metrics.repeat.category')}</Box>
            <Box component="th" scope="col" sx={{ textAlign: 'right', fontWeight: 500, py: 0.5 }}>{t('metrics.repeat.buyers')}</Box>
            <th aria-hidden style={{ width: '50%' }} />
          </tr>
        </thead>
        <tbody>
          {totals.ordersPerBuyer.map((buyers, i) => (
            <tr key={i}>
              <Box component="th" scope="row" sx={{ textAlign: 'left', fontWeight: 400, py: 0.25 }}>{i === 4 ? t('metrics.repeat.bucketMore') : String(i + 1)}</Box>
              <Box component="td" sx={{ textAlign: 'right', pr: 1, fontVariantNumeric: 'tabular-nums' }}>{format.count(buyers)}</Box>
              <td aria-hidden>
                <Box sx={{ height: 10, width: `${(buyers / max) * 100}%`, bgcolor: 'primary.main', borderRadius: 1, opacity: 0.75 }} />
              </td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Paper>
  );
}
