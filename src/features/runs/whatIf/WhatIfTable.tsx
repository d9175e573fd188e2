import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import StarIcon from '@mui/icons-material/Star';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { VARIANT_COLUMNS, type VariantColumn, type VariantRow } from '../../../domain/runs';
import type { Formatter } from '../../../ui/format';
import { visuallyHidden } from '../../../ui/visuallyHidden';

export interface WhatIfTableRow {
  label: string;
  runId: string;
  row: VariantRow;
}

function figure(column: VariantColumn, value: number | null, format: Formatter): string {
  if (value === null) return '—';
  return column === 'cost' ? format.money(value) : format.count(value);
}

/** One row per variant run, the best value of each column marked by a star and the word "best" (for screen readers too). */
export function WhatIfTable({ rows, settingName, format }: { rows: readonly WhatIfTableRow[]; settingName: string; format: Formatter }) {
  const { t } = useTranslation();
  const hasProjection = rows.some((item) => item.row.values.projectedConversions !== null);
  const columns = VARIANT_COLUMNS.filter((column) => column !== 'projectedConversions' || hasProjection);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="what-if-table">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{t('runWhatIf.table.caption', { setting: settingName })}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('runWhatIf.table.value')}</TableCell>
            {columns.map((column) => <TableCell key={column} component="th" scope="col" align="right">{t(`runs.column.${column}`)}</TableCell>)}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((item) => (
            <TableRow key={item.runId} data-testid="what-if-row">
              <TableCell component="th" scope="row">{item.label}</TableCell>
              {columns.map((column) => (
                <TableCell key={column} align="right" data-column={column} data-best={item.row.isBest[column] || undefined} sx={item.row.isBest[column] ? { fontWeight: 700, bgcolor: '#e8f5e9' } : undefined}>
                  {item.row.isBest[column] && <StarIcon fontSize="inherit" aria-hidden sx={{ verticalAlign: '-2px', mr: 0.5, color: '#2e7d32' }} />}
                  {figure(column, item.row.values[column], format)}
                  {item.row.isBest[column] && <Typography component="span" variant="caption" sx={{ ml: 0.5, color: '#1b5e20' }}>{t('runWhatIf.table.best')}</Typography>}
                </TableCell>
              ))}
              <TableCell><Button size="small" component={RouterLink} to={`/runs/${encodeURIComponent(item.runId)}`}>{t('runWhatIf.table.open')}<Box component="span" sx={visuallyHidden}>: {item.label}</Box></Button></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
