import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FieldQuality } from '../../domain/quality';
import { useFormat } from '../../ui/format';
import { ShareBar } from '../../ui/ProgressBars';

/** Fields with how full they are (a bar), distinct values, invalid share and the most frequent values. */
/** `isNameData`: the fields are columns named in the user's files (attributes, event properties), not ours. */
export function FieldTable({ fields, total, label, isNameData = false, testId }: { fields: FieldQuality[]; total: number; label: (name: string) => string; isNameData?: boolean; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (fields.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('dataQuality.fields.none')}
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('dataQuality.fields.name')}</TableCell>
            <TableCell sx={{ width: 220 }}>{t('dataQuality.fields.filled')}</TableCell>
            <TableCell align="right">{t('dataQuality.fields.distinct')}</TableCell>
            <TableCell align="right">{t('dataQuality.fields.invalid')}</TableCell>
            <TableCell>{t('dataQuality.fields.top')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => {
            const share = total ? field.filled / total : 0;
            return (
              <TableRow key={field.name} data-testid={`${testId}-${field.name}`}>
                <TableCell sx={{ fontWeight: 500 }} data-value={isNameData || undefined}>{label(field.name)}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <ShareBar share={share} label={label(field.name)} isLabelData={isNameData} sx={{ flexGrow: 1, height: 8, borderRadius: 4 }} color={share < 0.5 ? 'warning' : 'primary'} />
                    <Typography variant="body2" sx={{ minWidth: 56, textAlign: 'right' }}>
                      {format.percent(share)}
                    </Typography>
                  </Box>
                </TableCell>
                <TableCell align="right">{format.count(field.distinct)}</TableCell>
                <TableCell align="right" sx={{ color: field.invalid ? 'error.main' : undefined }}>
                  {field.invalid === null ? '—' : `${format.count(field.invalid)}${field.filled ? ` (${format.percent(field.invalid / field.filled)})` : ''}`}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary', maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={field.top.map((entry) => `${entry.value} (${format.count(entry.count)})`).join(' · ')} data-may-truncate data-value>
                  {field.top.map((entry) => `${entry.value} (${format.count(entry.count)})`).join(' · ')}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
