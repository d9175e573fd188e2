import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import AccountTreeIcon from '@mui/icons-material/AccountTreeOutlined';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Workspace } from '../../../domain';
import type { SimulationReport, SimulationRunRecord } from '../../../domain/simulation';
import { useFormat, type Formatter } from '../../../ui/format';
import { SubPageHeader } from '../../../ui/SubPageHeader';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { DayChartFigure } from '../results/DayCharts';
import { BasisLabel } from '../results/HeadlineCards';
import { DAY_CHARTS } from '../results/resultsModel';
import { useRunRecord } from '../results/RunResultsScreen';
import { channelName, runErrorText } from '../results/runText';
import { canvasDeltaLinkOf, comparisonOf, type ComparedRow } from './compareModel';

function formatValue(row: ComparedRow, value: number, format: Formatter): string {
  return row.kind === 'money' ? format.money(value, 'whole') : format.count(value);
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

function FiguresTable({ rows, baseName, otherName }: { rows: ComparedRow[]; baseName: string; otherName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="compare-figures" aria-label={t('runResults.compare.table')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('runResults.compare.figure')}</TableCell>
            <TableCell align="right">{baseName}</TableCell>
            <TableCell align="right">{otherName}</TableCell>
            <TableCell align="right">{t('runResults.compare.difference')}</TableCell>
            <TableCell align="right">{t('runResults.compare.relative')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.figure} data-testid="compare-row" data-figure={row.figure}>
              <TableCell component="th" scope="row">
                <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                  {t(row.name.key, row.name.channel ? { channel: channelName(row.name.channel, t) } : {})}
                  <BasisLabel basis={row.isProjected ? 'projected' : 'replayed'} />
                </Stack>
              </TableCell>
              <TableCell align="right" data-testid="compare-base">{formatValue(row, row.base, format)}</TableCell>
              <TableCell align="right" data-testid="compare-other">{formatValue(row, row.other, format)}</TableCell>
              <TableCell align="right" data-testid="compare-difference">{signed(row.kind === 'money' ? format.money(row.absolute, 'whole') : format.count(row.absolute), row.absolute)}</TableCell>
              <TableCell align="right">{row.relative === null ? t('runs.figure.notApplicable') : signed(format.percent(row.relative, 1), row.relative)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function Comparison({ base, other }: { base: { record: SimulationRunRecord; report: SimulationReport }; other: { record: SimulationRunRecord; report: SimulationReport } }) {
  const { t } = useTranslation();
  const comparison = useMemo(() => comparisonOf(base.report, other.report), [base.report, other.report]);
  const runs = [{ label: base.record.name, report: base.report }, { label: other.record.name, report: other.report }];
  return (
    <Stack spacing={3}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button startIcon={<SwapHorizIcon />} component={RouterLink} to={`/runs/compare/${other.record.id}/${base.record.id}`} data-testid="compare-swap">{t('runResults.compare.swap')}</Button>
        {comparison.sharedChains.map((chain) => (
          <Button key={chain.id} variant="outlined" size="small" startIcon={<AccountTreeIcon />} component={RouterLink} to={canvasDeltaLinkOf(chain.id, other.record.id, base.record.id)} data-testid="compare-canvas">
            {t('runResults.compare.deltas', { name: chain.name })}
          </Button>
        ))}
      </Stack>
      {comparison.sharedChains.length === 0 && <Alert severity="info">{t('runResults.compare.noSharedChains')}</Alert>}
      <Alert severity="info">{t('runResults.results.honesty')}</Alert>
      <FiguresTable rows={comparison.rows} baseName={base.record.name} otherName={other.record.name} />
      {comparison.unplacedDates.length > 0 && <Alert severity="warning">{t('runResults.compare.unplaced', { dates: comparison.unplacedDates.join(', ') })}</Alert>}
      <Box component="section" aria-labelledby="compare-days-title">
        <Typography variant="h6" component="h2" id="compare-days-title" sx={{ mb: 1 }}>{t('runResults.compare.charts')}</Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, 1fr)' } }}>
          {DAY_CHARTS.map((chart) => <DayChartFigure key={chart} chart={chart} runs={runs} dates={comparison.dates} />)}
        </Box>
      </Box>
    </Stack>
  );
}

function Compare({ workspace, baseId, otherId }: { workspace: Workspace; baseId: string; otherId: string }) {
  const { t } = useTranslation();
  const base = useRunRecord(workspace.id, baseId);
  const other = useRunRecord(workspace.id, otherId);
  const error = base.error ?? other.error;
  const isLoading = base.isLoading || other.isLoading;
  return (
    <Stack spacing={2} data-testid="run-compare-page" aria-busy={isLoading}>
      <SubPageHeader
        backTo="/runs"
        backLabel={t('runResults.results.back')}
        title={t('runResults.compare.title')}
        subtitle={base.record && other.record ? t('runResults.compare.subtitle', { base: base.record.name, other: other.record.name }) : ''}
      />
      {isLoading && <Typography color="text.secondary" role="status">{t('runResults.compare.loading')}</Typography>}
      {error !== undefined && <Alert severity="error" data-testid="run-error">{runErrorText(error, t)}</Alert>}
      {base.record && other.record && base.report && other.report && <Comparison base={{ record: base.record, report: base.report }} other={{ record: other.record, report: other.report }} />}
    </Stack>
  );
}

/** /runs/compare/:baseId/:otherId — two saved runs side by side. */
export function CompareRunsScreen() {
  const workspace = useActiveWorkspace();
  const { baseId = '', otherId = '' } = useParams();
  return workspace ? <Compare key={`${workspace.id}/${baseId}/${otherId}`} workspace={workspace} baseId={baseId} otherId={otherId} /> : null;
}
