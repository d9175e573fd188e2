import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatEpochDay } from '../../domain/time';
import { formatCalendarDate, formatInteger, formatMoney, formatPercent } from '../../ui/format';
import { StatCard } from '../../ui/StatCard';
import { useLanguage } from '../../ui/useLanguage';
import type { RfmSummary } from '../../engine';

/** Scored customers, those without purchases, net revenue and the period, at a glance. */
export function RfmStats({ summary }: { summary: RfmSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params } = summary;
  const revenue = summary.segments.reduce((sum, segment) => sum + segment.revenue, 0);
  const orders = summary.segments.reduce((sum, segment) => sum + segment.orders, 0);
  const date = (day: number) => formatCalendarDate(formatEpochDay(day), language);
  const period =
    params.periodDays === null
      ? t('segments.stats.periodAll', { to: date(params.asOfDay) })
      : t('segments.stats.periodRange', { from: date(params.asOfDay - params.periodDays + 1), to: date(params.asOfDay) });
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
      <StatCard
        testId="rfm-stat-scored"
        label={t('segments.stats.scored')}
        value={formatInteger(summary.scored, language)}
        detail={t('segments.stats.scoredDetail', { share: formatPercent(summary.customers ? summary.scored / summary.customers : 0, language), total: formatInteger(summary.customers, language) })}
      />
      <StatCard testId="rfm-stat-none" label={t('segments.stats.noPurchases')} value={formatInteger(summary.customers - summary.scored, language)} detail={t('segments.stats.noPurchasesDetail')} />
      <StatCard testId="rfm-stat-revenue" label={t('segments.stats.revenue')} value={formatMoney(Math.round(revenue), language)} detail={t('segments.stats.revenueDetail', { orders: formatInteger(orders, language) })} />
      <StatCard testId="rfm-stat-period" label={t('segments.stats.period')} value={<Box component="span" sx={{ fontSize: '1.1rem' }}>{period}</Box>} />
    </Box>
  );
}
