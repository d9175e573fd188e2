import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmEvent } from '../../domain';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { useFormat } from '../../ui/format';

const PAGE = 100;

const TYPE_COLORS: Record<string, string> = {
  order: '#2e7d32',
  return: '#c62828',
  cart_add: '#ef6c00',
  checkout: '#ef6c00',
  email_open: '#1565c0',
  email_click: '#1565c0',
  registration: '#6a1b9a',
  subscribe: '#6a1b9a',
  unsubscribe: '#6d4c41',
  review: '#00838f',
};

/** The customer's events, newest first, a hundred at a time. */
export function CustomerTimeline({ events }: { events: readonly CrmEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(PAGE);
  const newestFirst = [...events].reverse();
  const visible = newestFirst.slice(0, shown);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="subtitle2" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>{t('customer.timeline')}</Typography>
        <Typography variant="caption" color="text.secondary">{t('customer.timelineCount', { count: events.length })}</Typography>
      </Stack>
      {events.length === 0 && <Typography variant="body2" color="text.secondary">{t('customer.noEvents')}</Typography>}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="customer-timeline">
        {visible.map((event, position) => (
          <Box component="li" key={position} sx={{ display: 'grid', gridTemplateColumns: '14px 1fr', gap: 1.5, py: 0.75, borderBottom: '1px solid #eef0f5' }}>
            <Box sx={{ mt: 0.75, width: 10, height: 10, borderRadius: '50%', bgcolor: TYPE_COLORS[event.type] ?? '#90a4ae' }} />
            <Box sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>{eventTypeLabel(t, event.type)}</Typography>
                {event.amount !== undefined && <Typography variant="body2">{format.money(event.amount)}</Typography>}
                <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto !important' }}>{format.dateTime(event.ts)}</Typography>
              </Stack>
              {Object.keys(event.props).length > 0 && (
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                  {Object.entries(event.props).map(([key, value]) => <Chip key={key} size="small" variant="outlined" label={`${key}: ${value}`} sx={{ height: 20, fontSize: 11 }} data-value />)}
                </Stack>
              )}
            </Box>
          </Box>
        ))}
      </Box>
      {shown < newestFirst.length && (
        <Button sx={{ mt: 1 }} onClick={() => setShown((n) => n + PAGE)}>{t('customer.showMore', { count: Math.min(PAGE, newestFirst.length - shown) })}</Button>
      )}
    </Box>
  );
}
