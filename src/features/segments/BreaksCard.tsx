import { Alert, Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RFM_MEASURES, type RfmBreaks, type RfmMeasure, type RfmMeasureBreaks, type RfmMonetaryMode, type ScoreDirection } from '../../domain/rfm';
import { useFormat } from '../../ui/format';
import { ShareBar } from '../../ui/ProgressBars';
import { binRangeText, shownScore } from './segmentLabels';

interface Props {
  breaks: RfmBreaks;
  levels: number;
  direction: ScoreDirection;
  monetary: RfmMonetaryMode;
}

function MeasureBreaks({ breaks, levels, direction, monetary }: Omit<Props, 'breaks'> & { breaks: RfmMeasureBreaks }) {
  const { t } = useTranslation();
  const formatter = useFormat();
  const measure: RfmMeasure = breaks.measure;
  // Breaks of a monetary value fall between cents: they keep the currency's minor units.
  const format = (value: number) => (measure === 'monetary' ? formatter.money(value) : formatter.count(value));
  const total = breaks.bins.reduce((sum, bin) => sum + bin.customers, 0);
  const rows = [...breaks.bins].sort((a, b) => shownScore(a.score, levels, direction) - shownScore(b.score, levels, direction));
  const unit = measure === 'monetary' ? (monetary === 'average' ? 'monetaryAverage' : 'monetaryTotal') : `${measure}Value`;
  const emptyNotes = rows.filter((bin) => bin.empty !== null);
  return (
    <Paper sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid={`rfm-breaks-${measure}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{t(`segments.measure.${measure}`)}</Typography>
      <Typography variant="caption" color="text.secondary">{t(`segments.measure.${unit}`)}</Typography>
      <Table size="small" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ pl: 0 }}>{t('segments.breaks.score')}</TableCell>
            <TableCell>{t('segments.breaks.values')}</TableCell>
            <TableCell align="right" sx={{ pr: 0 }}>{t('segments.breaks.customers')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((bin) => (
            <TableRow key={bin.score} data-testid={`rfm-bin-${measure}-${shownScore(bin.score, levels, direction)}`} sx={{ opacity: bin.empty ? 0.55 : 1 }}>
              <TableCell sx={{ pl: 0, fontWeight: 600 }}>{shownScore(bin.score, levels, direction)}</TableCell>
              <TableCell>{binRangeText(bin, measure, format, t)}</TableCell>
              <TableCell align="right" sx={{ pr: 0, width: 110 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
                  <Box sx={{ flex: 1, maxWidth: 44 }}>
                    <ShareBar share={total ? bin.customers / total : 0} label={`${t(`segments.measure.${measure}`)} ${shownScore(bin.score, levels, direction)}`} />
                  </Box>
                  <span>{formatter.count(bin.customers)}</span>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid={`rfm-cuts-${measure}`}>
        {breaks.cuts.length ? t('segments.breaks.cuts', { cuts: breaks.cuts.map(format).join(' · ') }) : t('segments.breaks.noCuts')}
        {measure === 'monetary' && breaks.method === 'quantile' && <><br />{t('segments.breaks.halfOpenNote')}</>}
      </Typography>
      {emptyNotes.map((bin) => {
        const score = shownScore(bin.score, levels, direction);
        const key = bin.empty === 'equalBreaks' ? 'emptyEqualBreaks' : bin.empty === 'noValues' ? 'emptyNoValues' : 'emptyFewCustomers';
        return (
          <Alert key={bin.score} severity="info" sx={{ mt: 1, py: 0 }} data-testid={`rfm-empty-${measure}-${score}`}>
            {t(`segments.breaks.${key}`, { score, value: bin.lower === null ? '' : format(bin.lower), range: binRangeText(bin, measure, format, t) })}
          </Alert>
        );
      })}
      {breaks.hasSplitTies && <Alert severity="info" sx={{ mt: 1, py: 0 }}>{t('segments.breaks.splitTies')}</Alert>}
    </Paper>
  );
}

/** The breaks in use per measure: which values give which score, and why a score may be empty. */
export function BreaksCard(props: Props) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('segments.breaks.title')}</Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'stretch' }}>
        {RFM_MEASURES.map((measure) => <MeasureBreaks key={measure} {...props} breaks={props.breaks[measure]} />)}
      </Stack>
    </Box>
  );
}
