import { Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SimulationReport } from '../../../domain/simulation';
import { useFormat } from '../../../ui/format';
import { overlapRows } from './resultsModel';

function PairTable({ caption, head, rows, testId }: { caption: string; head: [string, string, string]; rows: [string, string, number][]; testId: string }) {
  const format = useFormat();
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>{caption}</Typography>
      <Table size="small" data-testid={testId} aria-label={caption}>
      <TableHead>
        <TableRow>
          <TableCell>{head[0]}</TableCell>
          <TableCell>{head[1]}</TableCell>
          <TableCell align="right">{head[2]}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([a, b, value]) => (
          <TableRow key={`${a}|${b}`}>
            <TableCell>{a}</TableCell>
            <TableCell>{b}</TableCell>
            <TableCell align="right">{format.count(value)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      </Table>
    </Box>
  );
}

/** Customers in several chains, cap hits by chain pair, customer-days with more than one message. */
export function OverlapSection({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overlap = overlapRows(report);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="run-overlap-title" data-testid="run-overlap">
      <Typography variant="h6" component="h2" id="run-overlap-title">{t('runResults.overlap.title')}</Typography>
      <Box component="ul" sx={{ pl: 2, my: 1 }}>
        <li>{t('runResults.overlap.severalChains', { n: format.count(overlap.customersInSeveralChains) })}</li>
        <li>{t('runResults.overlap.capHits', { n: format.count(overlap.capHits) })}</li>
        <li>{t('runResults.overlap.severalMessages', { n: format.count(overlap.customerDaysWithSeveralMessages), days: format.count(overlap.customerDaysWithMessages) })}</li>
      </Box>
      {report.chains.length < 2 ? (
        <Typography variant="body2" color="text.secondary">{t('runResults.overlap.single')}</Typography>
      ) : (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
          <PairTable caption={t('runResults.overlap.pairs')} head={[t('runResults.overlap.chainA'), t('runResults.overlap.chainB'), t('runResults.overlap.customers')]} rows={overlap.pairs.map((pair) => [pair.a, pair.b, pair.customers])} testId="overlap-pairs" />
          <PairTable caption={t('runResults.overlap.capPairs')} head={[t('runResults.overlap.stopped'), t('runResults.overlap.by'), t('runResults.overlap.hits')]} rows={overlap.capHitsByPair.map((pair) => [pair.chain, pair.byChain, pair.hits])} testId="overlap-cap-pairs" />
        </Stack>
      )}
    </Paper>
  );
}
