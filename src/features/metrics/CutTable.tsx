import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CutTotals } from '../../domain/metrics';
import { CUT_COLUMNS, cutRows, standoutGroup, type GroupLabel } from './cutRows';
import type { MetricsFormat } from './metricsFormat';

const GREY = '#4d5156';

/** Every figure of each group of a cut, side by side; a row selects the group whose cohorts are shown. */
export function CutTable({ cut, labels, format, selected, onSelect }: { cut: CutTotals; labels: GroupLabel[]; format: MetricsFormat; selected: number | null; onSelect(group: number | null): void }) {
  const { t } = useTranslation();
  const rows = cutRows(cut, labels, format);
  const standout = standoutGroup(cut);
  return (
    <Box>
      {standout && (
        <Typography sx={{ mb: 1 }} data-testid="cut-headline">
          {t('metrics.cuts.headline', { group: labels[standout.group]?.name ?? '', revenue: format.percent(standout.shareOfRevenue!), buyers: format.percent(standout.shareOfBuyers!) })}
        </Typography>
      )}
      <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" data-testid="cut-table" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('metrics.cuts.group')}</TableCell>
              {CUT_COLUMNS.map((column) => <TableCell key={column} component="th" scope="col" align="right">{t(`metrics.cuts.${column}`)}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const isSelected = selected === row.group;
              return (
                <TableRow
                  key={row.group}
                  hover
                  selected={isSelected}
                  onClick={() => onSelect(isSelected ? null : row.group)}
                  sx={{ cursor: 'pointer' }}
                  data-testid="cut-row"
                  data-group={row.label.name}
                >
                  <TableCell component="th" scope="row">
                    <Box
                      component="button"
                      type="button"
                      aria-pressed={isSelected}
                      aria-label={t('metrics.cuts.showCohorts', { group: row.label.name })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onSelect(isSelected ? null : row.group);
                      }}
                      sx={{ all: 'unset', display: 'inline-flex', alignItems: 'center', gap: 1, cursor: 'pointer', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', borderRadius: 0.5 } }}
                    >
                      {row.label.color && <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: row.label.color, flexShrink: 0 }} />}
                      <span>{row.label.name}</span>
                    </Box>
                  </TableCell>
                  {CUT_COLUMNS.map((column) => {
                    const cell = row.cells[column];
                    return (
                      <TableCell key={column} align="right" sx={{ color: cell.isSmall ? GREY : undefined, fontStyle: cell.isSmall ? 'italic' : undefined }}>
                        {cell.text}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
