import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatEpochDay } from '../../domain/time';
import { useFormat } from '../../ui/format';
import { StatCard } from '../../ui/StatCard';
import type { RfmSummary } from '../../engine';

/** Scored customers, those without purchases, net revenue and the period, at a glance. */
export function RfmStats({ summary }: { summary: RfmSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params } = summary;
  const revenue = summary.segments.reduce((sum, segment) => sum + segment.revenue, 0);
  const orders = summary.segments.reduce((sum, segment) => sum + segment.orders, 0);
  const date = (day: number) => format.calendarDate(formatEpochDay(day));
  const period =
    params.periodDays === null
      ? t('segments.stats.periodAll', { to: date(params.asOfDay) })
      : t('segments.stats.periodRange', { from: date(params.asOfDay - params.periodDays + 1), to: date(params.asOfDay) });
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
      <StatCard
        testId="rfm-stat-scored"
        label={t('segments.stats.scored')}
        value={format.count(summary.scored)}
        detail={t('segments.stats.scoredDetail', { share: format.percent(summary.customers ? summary.scored / summary.customers : 0), count: summary.customers })}
      />
      <StatCard testId="rfm-stat-none" label={t('segments.stats.noPurchases')} value={format.count(summary.customers - summary.scored)} detail={t('segments.stats.noPurchasesDetail')} />
      <StatCard testId="rfm-stat-revenue" label={t('segments.stats.revenue')} value={format.money(revenue, 'whole')} detail={t('segments.stats.revenueDetail', { count: orders })} />
      <StatCard testId="rfm-stat-period" label={t('segments.stats.period')} value={<Box component="span" sx={{ fontSize: '1.1rem' }}>{period}</Box>} />
    </Box>
  );
}
