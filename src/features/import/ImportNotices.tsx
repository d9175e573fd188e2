import { Alert, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../domain';
import { useFormat } from '../../ui/format';
import { warningMessage } from './importModel';

/**
 * What an import did to rows that would otherwise distort the analysis without a word, above
 * the row-by-row lists: customer ids that identify nobody (placeholders such as "NA", numbers
 * Excel rounded), dates outside the plausible ones (with the one-click "reject them"), and a
 * customer holding an implausible share of the orders.
 */
/** Reports stored before these checks existed have neither summary. */
type ReportOfAnyAge = Omit<ImportReport, 'unusableIds' | 'farDates'> & Partial<Pick<ImportReport, 'unusableIds' | 'farDates'>>;

export function ImportNotices({ report, onRejectFarDates }: { report: ReportOfAnyAge; onRejectFarDates?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (value: number) => format.count(value);
  const ids = report.unusableIds ?? { rows: 0, rejected: 0, placeholders: 0, excel: 0, values: [] };
  const far = report.farDates ?? { rows: 0, rejected: 0, earliest: null, latest: null };
  const dominant = report.warnings.find((warning) => warning.code === 'dominant_customer');
  if (!ids.rows && !far.rows && !dominant) return null;
  const values = ids.values.slice(0, 5).map(({ value, rows }) => `“${value}” × ${number(rows)}`).join(', ');
  const isAllFarRejected = far.rejected === far.rows;
  return (
    <Stack spacing={1}>
      {ids.rows > 0 && (
        <Alert severity="warning" data-testid="import-placeholder-notice">
          {t('import.notices.placeholders', { rows: number(ids.rows), values, rejected: number(ids.rejected), kept: number(ids.rows - ids.rejected) })}
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
          {t(isAllFarRejected ? 'import.notices.farDatesRejected' : 'import.notices.farDatesKept', { rows: number(far.rows), window: report.detected.plausibleDates, earliest: far.earliest ?? '', latest: far.latest ?? '' })}
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
