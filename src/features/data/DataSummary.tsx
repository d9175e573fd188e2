import { Box } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import BoltIcon from '@mui/icons-material/Bolt';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import DateRangeIcon from '@mui/icons-material/DateRange';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStats } from '../../db';
import { ORDER_EVENT } from '../../domain';
import { useFormat } from '../../ui/format';
import { StatCard } from '../../ui/StatCard';
import { outsideExtremes } from './outsideDates';

export function DataSummary({ stats }: { stats: WorkspaceStats | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (value: number | undefined) => (value === undefined ? '…' : format.count(value));
  const orders = stats?.eventTypes.find((entry) => entry.type === ORDER_EVENT)?.count ?? 0;
  // the range of plausible dates, as every other screen shows it: one row dated 1900 or 9999 must not stretch it
  const range =
    stats?.firstPlausibleTs != null && stats.lastPlausibleTs != null
      ? `${format.date(stats.firstPlausibleTs)} – ${format.date(stats.lastPlausibleTs)}`
      : stats?.events
        ? '—'
        : t('data.noData');
  const outsideDates = stats ? outsideExtremes(stats).map((ts) => format.date(ts)).join(', ') : '';
  const outside = stats?.outsidePlausible ? t('data.outsideEvents', { count: stats.outsidePlausible, dates: outsideDates }) : undefined;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
      <StatCard testId="stat-customers" label={t('data.customers')} value={number(stats?.customers)} icon={<PeopleIcon fontSize="small" />} />
      <StatCard testId="stat-events" label={t('data.events')} value={number(stats?.events)} icon={<BoltIcon fontSize="small" />} />
      <StatCard testId="stat-orders" label={t('data.orders')} value={number(stats ? orders : undefined)} icon={<ShoppingCartIcon fontSize="small" />} />
      <StatCard testId="stat-range" label={t('data.dateRange')} value={<Box component="span" sx={{ fontSize: '1rem' }}>{stats ? range : '…'}</Box>} detail={outside} icon={<DateRangeIcon fontSize="small" />} />
    </Box>
  );
}

