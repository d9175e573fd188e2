import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredImport } from '../../db/repositories/importRepository';
import type { ImportBatch, ImportReport } from '../../domain';
import { useFormat } from '../../ui/format';
import { StatCard } from '../../ui/StatCard';
import { downloadText } from '../../ui/download';
import { rejectMessage, rejectedRowsCsv, warningMessage } from './importModel';
import { ImportNotices } from './ImportNotices';

const SHOWN = 50;

function Counts({ report, stored }: { report: ImportReport; stored: StoredImport | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (value: number) => format.count(value);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
      <StatCard testId="import-read" label={t('import.report.read')} value={number(report.read)} />
      <StatCard testId="import-accepted" label={t('import.report.accepted')} value={number(report.accepted)} />
      <StatCard testId="import-merged" label={t('import.report.merged')} value={number(report.merged)} />
      <StatCard testId="import-rejected" label={t('import.report.rejected')} value={number(report.rejected)} />
      {stored?.store && <StatCard testId="import-new-customers" label={t('import.report.newCustomers')} value={number(stored.store.newCustomers)} />}
      {stored?.store && report.kind !== 'customers' && <StatCard testId="import-minimal-customers" label={t('import.report.minimalCustomers')} value={number(stored.store.minimalCustomers)} />}
      {stored?.store && <StatCard testId="import-updated-customers" label={t('import.report.updatedCustomers')} value={number(stored.store.updatedCustomers)} />}
      {report.kind !== 'customers' && <StatCard testId="import-events" label={t('import.report.events')} value={number(report.events)} />}
    </Box>
  );
}

function Rejects({ report, stored, fileName }: { report: ImportReport; stored: StoredImport | undefined; fileName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(0);
  if (report.rejected === 0) return <Alert severity="success">{t('import.report.noRejects')}</Alert>;
  // Pages, not one list: a bad file can have hundreds of thousands of rejected rows.
  const rows = report.rejects.slice(page * SHOWN, (page + 1) * SHOWN);
  function download() {
    const csv = rejectedRowsCsv(stored?.columns ?? [], stored?.rejectedRows ?? [], (row) => rejectMessage(t, row));
    downloadText(`${fileName.replace(/\.[^.]+$/, '')}-rejected.csv`, csv);
  }
  return (
    <Stack spacing={1} data-testid="import-rejects">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h3">
          {t('import.report.rejects')}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<DownloadIcon />} onClick={download} disabled={!stored?.rejectedRows?.length}>
          {t('import.report.download')}
        </Button>
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 90 }}>{t('import.report.line')}</TableCell>
            <TableCell>{t('import.report.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((reject) => (
            <TableRow key={reject.line} data-testid="import-reject-row">
              <TableCell>{reject.line}</TableCell>
              <TableCell>{rejectMessage(t, reject)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {report.rejects.length < report.rejected && (
        <Typography variant="body2" color="text.secondary" data-testid="import-rejects-listed">
          {t('import.report.rejectsListed', { listed: format.count(report.rejects.length), rejected: format.count(report.rejected) })}
        </Typography>
      )}
      {report.rejects.length > SHOWN && (
        <TablePagination component="div" count={report.rejects.length} page={page} onPageChange={(_, next) => setPage(next)} rowsPerPage={SHOWN} rowsPerPageOptions={[SHOWN]} labelDisplayedRows={({ from, to, count }) => t('table.pageRange', { from: format.count(from), to: format.count(to), total: format.count(count) })} data-testid="import-rejects-pages" />
      )}
    </Stack>
  );
}

function Warnings({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isAll, setAll] = useState(false);
  if (report.warnings.length === 0) return null;
  const rows = isAll ? report.warnings : report.warnings.slice(0, SHOWN);
  return (
    <Stack spacing={1} data-testid="import-warnings">
      <Typography variant="subtitle1" component="h3">
        {t('import.report.warnings')} ({format.count(report.warningCount)})
      </Typography>
      <Table size="small">
        <TableBody>
          {rows.map((warning, index) => (
            <TableRow key={`${warning.line}-${index}`}>
              {/* line 0: a finding about the whole file (a dominant customer) */}
              <TableCell sx={{ width: 90 }}>{warning.line > 0 ? warning.line : '—'}</TableCell>
              <TableCell>{warningMessage(t, warning)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!isAll && report.warnings.length > SHOWN && <Button onClick={() => setAll(true)}>{t('import.report.showAll', { total: format.count(report.warnings.length) })}</Button>}
    </Stack>
  );
}

function Merges({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (report.merges.length === 0) return null;
  return (
    <Stack spacing={0.5} data-testid="import-merges">
      <Typography variant="subtitle1" component="h3">
        {t('import.report.merges')} ({format.count(report.merges.length)})
      </Typography>
      {report.merges.slice(0, SHOWN).map((merge) => (
        <Typography key={merge.line} variant="body2">
          {t('import.report.mergeLine', { line: merge.line, customer: merge.customerId, by: t(`import.report.mergeBy.${merge.by}`) })}
        </Typography>
      ))}
    </Stack>
  );
}

/**
 * The report of one import: counts, notices about ids, dates and customers that would distort
 * the analysis, then rejected rows (downloadable), warnings, merges. `onRejectFarDates`: import
 * the same file again rejecting far dates (offered while the file is at hand).
 */
export function ImportReportView({ batch, report, onRejectFarDates }: { batch: ImportBatch | undefined; report: ImportReport; onRejectFarDates?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stored = batch?.report as StoredImport | undefined;
  const isUnchanged = report.accepted === 0 && report.read > 0 && report.rejected === 0 && (stored?.store?.updatedCustomers ?? 0) === 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="import-report">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('import.report.title')}: <span data-value>{batch?.sourceName ?? ''}</span>
        </Typography>
        {isUnchanged && <Alert severity="info">{t('import.report.unchanged')}</Alert>}
        <Counts report={report} stored={stored} />
        {(report.orders > 0 || report.returns > 0) && <Typography variant="body2">{t('import.report.orders', { orders: format.count(report.orders), returns: format.count(report.returns) })}</Typography>}
        <ImportNotices report={report} onRejectFarDates={onRejectFarDates} />
        <Rejects report={report} stored={stored} fileName={batch?.sourceName ?? 'import.csv'} />
        <Warnings report={report} />
        <Merges report={report} />
      </Stack>
    </Paper>
  );
}
