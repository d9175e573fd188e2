import { Alert, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../domain';
import { useFormat } from '../../ui/format';
import { warningMessage } from './importModel';

/**
 * What an import did to rows that would otherwise distort the analysis without a word, above
 * the row-by-row lists: customer ids that identify nobody (placeholders such as "NA", numbers
 * Excel rounded), dates outside the plausible ones (with the one-click "reject them"), a
 * customer holding an implausible share of the orders, and ids written as floats ("17850.0")
 * that were read as whole numbers ("17850"): a customers file or a trace that names 17850 finds them.
 */
/** Reports stored before these checks existed have none of these summaries. */
type ReportOfAnyAge = Omit<ImportReport, 'unusableIds' | 'farDates' | 'floatIds'> & Partial<Pick<ImportReport, 'unusableIds' | 'farDates' | 'floatIds'>>;

export function ImportNotices({ report, onRejectFarDates }: { report: ReportOfAnyAge; onRejectFarDates?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (value: number) => format.count(value);
  const ids = report.unusableIds ?? { rows: 0, rejected: 0, placeholders: 0, excel: 0, values: [] };
  const far = report.farDates ?? { rows: 0, rejected: 0, earliest: null, latest: null };
  const dominant = report.warnings.find((warning) => warning.code === 'dominant_customer');
  const floatIds = report.floatIds?.example ? report.floatIds : undefined;
  if (!ids.rows && !far.rows && !dominant && !floatIds) return null;
  const values = ids.values.slice(0, 5).map(({ value, rows }) => `“${value}” × ${number(rows)}`).join(', ');
  const isAllFarRejected = far.rejected === far.rows;
  return (
    <Stack spacing={1}>
      {ids.rows > 0 && (
        <Alert severity="warning" data-testid="import-placeholder-notice">
          {t('import.notices.placeholders', { count: ids.rows, values, rejected: number(ids.rejected), kept: number(ids.rows - ids.rejected) })}
        </Alert>
      )}
      {far.rows > 0 && (
        <Alert
          severity="warning"
          data-testid="import-far-dates"
          action={
            !isAllFarRejected && onRejectFarDates ? (
              <Button color="inherit" size="small" onClick={onRejectFarDates} data-testid="import-reject-far-dates-again">
                {t('import.notices.rejectFarDates')}
              </Button>
            ) : undefined
          }
        >
          {t(isAllFarRejected ? 'import.notices.farDatesRejected' : 'import.notices.farDatesKept', { count: far.rows, window: report.detected.plausibleDates, earliest: far.earliest ?? '', latest: far.latest ?? '' })}
        </Alert>
      )}
      {floatIds && (
        <Alert severity="info" data-testid="import-float-ids">
          {t('import.notices.floatIds', { column: floatIds.column, count: floatIds.ids, written: floatIds.example!.written, read: floatIds.example!.read })}
        </Alert>
      )}
      {dominant && (
        <Alert severity="warning" data-testid="import-dominant-customer">
          {warningMessage(t, dominant)}
        </Alert>
      )}
    </Stack>
  );
}
