import { Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { HeatMap, HeatMapCell } from '../../../domain/runs';
import { useFormat } from '../../../ui/format';
import { visuallyHidden } from '../../../ui/visuallyHidden';

/** Five steps of one blue (level 0 = no messages), readable with the text beside them in every step. */
const LEVEL_COLORS = ['#f1f3f5', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const OVER_CAP = '#c62828';

function weekdayNames(language: string): string[] {
  // 2024-01-01 was a Monday.
  const format = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2024, 0, 1 + day)));
}

function Cell({ cell }: { cell: HeatMapCell }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('runResults.heatMap.cell', { date: format.calendarDate(cell.date), messages: format.count(cell.messages), customers: format.count(cell.customers), most: format.count(cell.mostForOneCustomer) });
  const overCap = cell.isOverCap ? t('runs.heatMap.overCap', { customers: format.count(cell.customersOverCap) }) : '';
  return (
    <TableCell sx={{ p: '2px', border: 0 }} data-testid="heat-cell" data-date={cell.date} data-over-cap={cell.isOverCap} data-messages={cell.messages}>
      <Box
        title={overCap ? `${label}. ${overCap}` : label}
        sx={{
          width: 28,
          height: 28,
          borderRadius: 0.5,
          bgcolor: LEVEL_COLORS[cell.level],
          color: cell.level >= 3 ? '#fff' : '#1b1f24',
          outline: cell.isOverCap ? `2px solid ${OVER_CAP}` : 'none',
          outlineOffset: -2,
          display: 'grid',
          placeItems: 'center',
          fontSize: 12,
          fontWeight: 700,
        }}
      >
        <span aria-hidden="true">{cell.isOverCap ? '!' : ''}</span>
        <Box component="span" sx={visuallyHidden}>{overCap ? `${label}. ${overCap}` : label}</Box>
      </Box>
    </TableCell>
  );
}

/** Messages per customer-day as a calendar (weeks × weekdays), days with a customer over the cap marked "!" and outlined. */
export function HeatMapCalendar({ map }: { map: (HeatMap & { chainName: string }) | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = weekdayNames(format.language);
  const weeks = map ? Math.max(0, ...map.cells.map((cell) => cell.week)) + 1 : 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="run-heat-title" data-testid="run-heat-map">
      <Typography variant="h6" component="h2" id="run-heat-title">{t('runResults.heatMap.title')}</Typography>
      {!map ? (
        <Typography color="text.secondary" data-testid="heat-map-missing">{t('runResults.heatMap.noRows')}</Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">{t('runResults.heatMap.help')}</Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="heat-map-cap">
            {map.isCapEnabled ? t('runResults.heatMap.capOn', { chain: map.chainName, messages: format.count(map.cap.messages), days: format.count(map.cap.days) }) : t('runs.heatMap.capOff', { messages: format.count(map.cap.messages), days: format.count(map.cap.days) })}
            {' '}
            {t('runResults.heatMap.daysOverCap', { n: format.count(map.daysOverCap) })}
          </Typography>
          <Box sx={{ overflowX: 'auto', mt: 1 }}>
            <Table size="small" sx={{ width: 'auto' }} aria-labelledby="run-heat-title">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ border: 0, p: '2px 8px 2px 0' }}><Box component="span" sx={visuallyHidden}>{t('runResults.heatMap.weekHeader')}</Box></TableCell>
                  {names.map((name) => <TableCell key={name} component="th" scope="col" align="center" sx={{ border: 0, p: '2px', fontSize: 12, color: 'text.secondary' }}>{name}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {Array.from({ length: weeks }, (_, week) => {
                  const days = map.cells.filter((cell) => cell.week === week);
                  return (
                    <TableRow key={week}>
                      <TableCell component="th" scope="row" sx={{ border: 0, p: '2px 8px 2px 0', fontSize: 12, color: 'text.secondary', whiteSpace: 'nowrap' }}>{format.weekStart(days[0]!.date)}</TableCell>
                      {Array.from({ length: 7 }, (_, weekday) => {
                        const cell = days.find((item) => item.weekday === weekday + 1);
                        return cell ? <Cell key={weekday} cell={cell} /> : <TableCell key={weekday} sx={{ border: 0, p: '2px' }} />;
                      })}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
          <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', mt: 1, fontSize: 12, color: 'text.secondary' }} aria-hidden="true">
            <span>{t('runResults.heatMap.legendLess')}</span>
            {LEVEL_COLORS.map((color) => <Box key={color} sx={{ width: 14, height: 14, bgcolor: color, borderRadius: 0.5 }} />)}
            <span>{t('runResults.heatMap.legendMore')}</span>
            <Box component="span" sx={{ ml: 2 }}>{t('runResults.heatMap.overCapLegend')}</Box>
          </Stack>
          {map.rowsSetAside > 0 && <Typography variant="caption" color="text.secondary">{t('runs.heatMap.setAside', { rows: format.count(map.rowsSetAside) })}</Typography>}
        </>
      )}
    </Paper>
  );
}
