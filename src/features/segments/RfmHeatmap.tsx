import { Box, ButtonBase, Paper, Tooltip, Typography } from '@mui/material';
import { lighten } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { HeatmapCell, ScoreDirection } from '../../domain/rfm';
import { useFormat } from '../../ui/format';
import { textColorOn } from '../../ui/palette';
import { scoresBestFirst, shownScore, type SegmentLabel } from './segmentLabels';

interface Props {
  cells: HeatmapCell[];
  levels: number;
  direction: ScoreDirection;
  labels: SegmentLabel[];
  onOpenCell(r: number, f: number): void;
}

/** The segment colour over white, `amount` (0 … 1) setting its strength: an opaque colour, so the text colour can be chosen for contrast. */
function cellBackground(color: string, amount: number): string {
  return lighten(color, 0.82 * (1 - amount));
}

function Cell({ cell, maxCustomers, labels, levels, direction, onOpen }: { cell: HeatmapCell; maxCustomers: number; labels: SegmentLabel[]; levels: number; direction: ScoreDirection; onOpen(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = shownScore(cell.r, levels, direction);
  const f = shownScore(cell.f, levels, direction);
  const label = t('segments.heatmap.cellLabel', { r, f, count: cell.customers });
  if (cell.customers === 0) {
    return (
      <Box data-testid={`rfm-cell-${cell.r}-${cell.f}`} title={label} sx={{ borderRadius: 1, bgcolor: 'grey.100', color: 'text.secondary', display: 'grid', placeItems: 'center', minHeight: 78, fontSize: 12 }}>
        {t('segments.heatmap.empty')}
      </Box>
    );
  }
  const segment = labels[cell.segment!]!;
  const background = cellBackground(segment.color, Math.sqrt(cell.customers / maxCustomers));
  return (
    <Tooltip title={`${segment.name} · ${label}`}>
      <ButtonBase
        onClick={onOpen}
        aria-label={`${segment.name} · ${label}`}
        data-testid={`rfm-cell-${cell.r}-${cell.f}`}
        sx={{
          borderRadius: 1,
          bgcolor: background,
          color: textColorOn(background),
          minHeight: 78,
          p: 0.75,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          textAlign: 'center',
          '&:hover': { outline: '2px solid', outlineColor: 'primary.main' },
          '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      >
        <Typography variant="subtitle1" component="span" sx={{ fontWeight: 700, lineHeight: 1.2 }} data-testid="rfm-heat-count">{format.count(cell.customers)}</Typography>
        <Typography variant="caption" component="span" sx={{ lineHeight: 1.2 }}>{t('segments.heatmap.averageMonetary', { value: format.money(cell.averageMonetary ?? 0, 'whole') })}</Typography>
        <Typography variant="caption" component="span" sx={{ lineHeight: 1.2, fontWeight: 500, maxWidth: '100%', overflowWrap: 'anywhere' }} data-testid="rfm-heat-segment">{segment.name}</Typography>
      </ButtonBase>
    </Tooltip>
  );
}

/** Customers by R (rows, best on top) × F (columns, best on the right); click a cell to list them. */
export function RfmHeatmap({ cells, levels, direction, labels, onOpenCell }: Props) {
  const { t } = useTranslation();
  const maxCustomers = Math.max(1, ...cells.map((cell) => cell.customers));
  const columns = [...scoresBestFirst(levels)].reverse();
  return (
    <Paper sx={{ p: 2 }} data-testid="rfm-heatmap">
      <Typography variant="h6" component="h2">{t('segments.heatmap.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{t('segments.heatmap.help')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: `28px 28px repeat(${levels}, minmax(0, 1fr))`, gap: 0.75, alignItems: 'stretch' }}>
        <Box sx={{ gridRow: `1 / span ${levels}`, writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center', color: 'text.secondary', fontSize: 13 }}>{t('segments.heatmap.recency')}</Box>
        {scoresBestFirst(levels).map((r) => (
          <Box key={`row-${r}`} sx={{ display: 'contents' }}>
            <Box sx={{ display: 'grid', placeItems: 'center', fontWeight: 600, color: 'text.secondary' }}>{shownScore(r, levels, direction)}</Box>
            {columns.map((f) => {
              const cell = cells[(r - 1) * levels + (f - 1)]!;
              return <Cell key={f} cell={cell} maxCustomers={maxCustomers} labels={labels} levels={levels} direction={direction} onOpen={() => onOpenCell(r, f)} />;
            })}
          </Box>
        ))}
        <Box />
        <Box />
        {columns.map((f) => <Box key={`col-${f}`} sx={{ textAlign: 'center', fontWeight: 600, color: 'text.secondary' }}>{shownScore(f, levels, direction)}</Box>)}
        <Box />
        <Box />
        <Box sx={{ gridColumn: `3 / span ${levels}`, textAlign: 'center', color: 'text.secondary', fontSize: 13 }}>{t('segments.heatmap.frequency')}</Box>
      </Box>
    </Paper>
  );
}
