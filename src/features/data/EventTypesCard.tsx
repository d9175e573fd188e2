import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStats } from '../../db';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { useFormat } from '../../ui/format';
import { ShareBar } from '../../ui/ProgressBars';

/** Event types of the workspace with their counts and shares, most frequent first. */
export function EventTypesCard({ stats }: { stats: WorkspaceStats | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = stats?.events ?? 0;
  return (
    <Paper sx={{ p: 2 }} data-testid="event-types">
      <Typography variant="h6" component="h2" gutterBottom>
        {t('data.eventTypes')}
      </Typography>
      {stats && stats.eventTypes.length === 0 && <Typography color="text.secondary">{t('data.noData')}</Typography>}
      <Table size="small">
        {stats && stats.eventTypes.length > 0 && (
          <TableHead>
            <TableRow>
              <TableCell>{t('data.eventType')}</TableCell>
              <TableCell align="right">{t('data.count')}</TableCell>
              <TableCell align="right" sx={{ width: 90 }}>{t('data.share')}</TableCell>
            </TableRow>
          </TableHead>
        )}
        <TableBody>
          {stats?.eventTypes.map(({ type, count }) => (
            <TableRow key={type}>
              <TableCell>{eventTypeLabel(t, type)}</TableCell>
              <TableCell align="right">{format.count(count)}</TableCell>
              <TableCell align="right">
                <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25 }}>
                  <span>{format.percent(total ? count / total : 0)}</span>
                  <ShareBar share={total ? count / total : 0} label={eventTypeLabel(t, type)} sx={{ height: 3 }} />
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
