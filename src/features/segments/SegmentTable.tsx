import { Box, IconButton, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslation } from 'react-i18next';
import type { SegmentTotals } from '../../domain/rfm';
import { useFormat } from '../../ui/format';
import type { SegmentLabel } from './segmentLabels';

interface Props {
  totals: SegmentTotals[];
  labels: SegmentLabel[];
  isExporting: boolean;
  onOpen(code: number): void;
  onExport(code: number): void;
}

export function SegmentDot({ color }: { color: string }) {
  return <Box component="span" sx={{ display: 'inline-block', width: 12, height: 12, borderRadius: '50%', bgcolor: color, border: '1px solid rgba(0,0,0,0.15)', flexShrink: 0 }} />;
}

/** Every segment with its size, revenue and averages; a row opens its customers. */
export function SegmentTable({ totals, labels, isExporting, onOpen, onExport }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const customers = totals.reduce((sum, total) => sum + total.customers, 0);
  const revenue = totals.reduce((sum, total) => sum + total.revenue, 0);
  const orders = totals.reduce((sum, total) => sum + total.orders, 0);
  const average = (sum: number, count: number) => (count ? sum / count : null);
  const number = (value: number | null, digits: number) => (value === null ? '—' : format.decimal(value, digits));
  return (
    <Paper sx={{ p: 2 }} data-testid="rfm-segment-table">
      <TableContainer>
        <Table size="small" sx={{ '& thead th': { fontWeight: 600, lineHeight: 1.25, verticalAlign: 'bottom' }, '& thead th.MuiTableCell-alignRight': { maxWidth: 104 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('segments.table.segment')}</TableCell>
              <TableCell align="right">{t('segments.table.customers')}</TableCell>
              <TableCell align="right">{t('segments.table.customersShare')}</TableCell>
              <TableCell align="right">{t('segments.table.revenue')}</TableCell>
              <TableCell align="right">{t('segments.table.revenueShare')}</TableCell>
              <TableCell align="right">{t('segments.table.averageOrder')}</TableCell>
              <TableCell align="right">{t('segments.table.recency')}</TableCell>
              <TableCell align="right">{t('segments.table.frequency')}</TableCell>
              <TableCell sx={{ minWidth: 240 }}>{t('segments.table.strategy')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {totals.map((total) => {
              const label = labels[total.code]!;
              const scored = total.orders > 0 ? total.customers : 0;
              const isEmpty = total.customers === 0;
              return (
                <TableRow
                  key={total.code}
                  hover={!isEmpty}
                  onClick={isEmpty ? undefined : () => onOpen(total.code)}
                  data-testid={`rfm-segment-row-${total.code}`}
                  sx={{ cursor: isEmpty ? 'default' : 'pointer', verticalAlign: 'top', '& td': isEmpty ? { color: 'text.secondary' } : undefined }}
                >
                  <TableCell>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, fontWeight: 600, whiteSpace: 'nowrap' }}>
                      <SegmentDot color={label.color} />
                      {isEmpty ? (
                        <span data-testid="rfm-segment-name">{label.name}</span>
                      ) : (
                        // The row opens on a click; this makes it reachable from the keyboard too.
                        <Link component="button" type="button" color="inherit" underline="hover" title={t('segments.table.open', { segment: label.name })} onClick={(event) => { event.stopPropagation(); onOpen(total.code); }} sx={{ font: 'inherit', textAlign: 'left' }} data-testid="rfm-segment-name">
                          {label.name}
                        </Link>
                      )}
                    </Box>
                  </TableCell>
                  <TableCell align="right" data-testid="rfm-segment-customers">{format.count(total.customers)}</TableCell>
                  <TableCell align="right">{format.percent(customers ? total.customers / customers : 0)}</TableCell>
                  <TableCell align="right">{format.money(total.revenue, 'whole')}</TableCell>
                  <TableCell align="right">{format.percent(revenue > 0 ? total.revenue / revenue : 0)}</TableCell>
                  <TableCell align="right">{total.orders ? format.money(total.revenue / total.orders, 'whole') : '—'}</TableCell>
                  <TableCell align="right">{number(average(total.recencySum, scored), 0)}</TableCell>
                  <TableCell align="right">{number(average(total.orders, scored), 1)}</TableCell>
                  <TableCell>
                    <Typography variant="body2" color="text.secondary" sx={{ fontSize: 13 }}>{label.strategy}</Typography>
                  </TableCell>
                  <TableCell padding="checkbox">
                    {!isEmpty && (
                      <Tooltip title={t('segments.table.export', { segment: label.name })}>
                        <span>
                          <IconButton
                            size="small"
                            disabled={isExporting}
                            aria-label={t('segments.table.export', { segment: label.name })}
                            onClick={(event) => {
                              event.stopPropagation();
                              onExport(total.code);
                            }}
                          >
                            <DownloadIcon fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow sx={{ '& td': { fontWeight: 600, borderBottom: 'none' } }}>
              <TableCell>{t('segments.table.total')}</TableCell>
              <TableCell align="right">{format.count(customers)}</TableCell>
              <TableCell align="right">{format.percent(1)}</TableCell>
              <TableCell align="right">{format.money(revenue, 'whole')}</TableCell>
              <TableCell align="right">{format.percent(revenue ? 1 : 0)}</TableCell>
              <TableCell align="right">{orders ? format.money(revenue / orders, 'whole') : '—'}</TableCell>
              <TableCell colSpan={4} />
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
