import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { visuallyHidden } from '../visuallyHidden';
import TableChartIcon from '@mui/icons-material/TableChartOutlined';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart's data as text: one row per category (month, segment …), one column per series. */
export interface ChartTable {
  /** the header of the category column ("Month", "Segment") */
  category: string;
  /** one header per series */
  series: string[];
  /** values already formatted with the shared formatter */
  rows: { label: string; values: string[] }[];
}

/**
 * Every chart of the app goes in here: the canvas is an image named by `label` and described
 * by `summary` (one sentence: what it shows and the key figure), and its data is a real table —
 * hidden but read by screen readers, and shown to anyone with the "Show as table" button.
 *
 * ```tsx
 * <ChartFigure label={t('…title')} summary={t('…summary', {…})} table={{ category, series, rows }} height={320}>
 *   <Bar data={…} options={…} />
 * </ChartFigure>
 * ```
 */
export function ChartFigure({ label, summary, table, height, testId, children }: { label: string; summary: string; table: ChartTable; height: number | string; testId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [isTableShown, setTableShown] = useState(false);
  const tableId = useId();
  const canvasBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // react-chartjs-2 gives its canvas role="img" without a name; this figure speaks for it.
    for (const canvas of canvasBox.current?.querySelectorAll('canvas') ?? []) canvas.setAttribute('aria-hidden', 'true');
  });
  return (
    <Box component="figure" sx={{ m: 0 }} data-testid={testId}>
      <Box ref={canvasBox} role="img" aria-label={`${label}. ${summary}`} sx={{ position: 'relative', height }} data-testid={testId ? `${testId}-canvas` : undefined}>
        {children}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button size="small" startIcon={<TableChartIcon />} aria-expanded={isTableShown} aria-controls={tableId} onClick={() => setTableShown(!isTableShown)}>
          {isTableShown ? t('chart.hideTable') : t('chart.showTable')}
        </Button>
      </Box>
      <TableContainer id={tableId} tabIndex={isTableShown ? 0 : undefined} role="region" aria-label={label} sx={isTableShown ? { maxHeight: 360 } : visuallyHidden} data-testid={testId ? `${testId}-table` : undefined}>
        <Table size="small" stickyHeader>
          <Box component="caption" sx={visuallyHidden}>{label}</Box>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{table.category}</TableCell>
              {table.series.map((name) => <TableCell key={name} component="th" scope="col" align="right">{name}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row">{row.label}</TableCell>
                {row.values.map((value, index) => <TableCell key={index} align="right">{value}</TableCell>)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
