import { Alert, Box, Chip, FormControl, FormControlLabel, InputLabel, MenuItem, Paper, Select, Stack, Switch, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CSV_KINDS, type CsvKind, type ImportPreview } from '../../domain';
import { useFormat } from '../../ui/format';
import { IdAndDateSettings } from './IdAndDateSettings';
import { DATE_FORMAT_CHOICES, DELIMITER_CHOICES, ENCODING_CHOICES, type ReadChoices } from './importModel';

/**
 * What was detected — kind, encoding, delimiter, header, date format — each overridable.
 * Changing one reads the file's beginning again with it.
 */
export function ReadSettingsPanel({ preview, choices, onChange, disabled }: { preview: ImportPreview; choices: ReadChoices; onChange: (choices: ReadChoices) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const main = preview.dates.find((date) => date.field === 'ts') ?? preview.dates.find((date) => date.field === 'signupAt') ?? preview.dates[0];
  const ambiguous = preview.dates.find((date) => date.isAmbiguous);
  const conflict = preview.dates.find((date) => date.hasConflict);
  const columnName = (index: number) => preview.columns[index]?.name ?? '';
  const isKindMissing = preview.isKindUncertain && choices.kind === undefined;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h2">
          {t('import.settings.title')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' }, alignItems: 'center' }}>
          <FormControl size="small" disabled={disabled}>
            <InputLabel id="import-kind-label">{t('import.settings.kind')}</InputLabel>
            <Select labelId="import-kind-label" label={t('import.settings.kind')} value={isKindMissing ? '' : preview.kind} onChange={(event) => onChange({ ...choices, kind: event.target.value as CsvKind })} data-testid="import-kind">
              {isKindMissing && (
                <MenuItem value="" disabled>
                  {t('import.settings.chooseKind')}
                </MenuItem>
              )}
              {CSV_KINDS.map((kind) => (
                <MenuItem key={kind} value={kind}>
                  {t(`import.kinds.${kind}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" disabled={disabled}>
            <InputLabel id="import-encoding-label">{t('import.settings.encoding')}</InputLabel>
            <Select labelId="import-encoding-label" label={t('import.settings.encoding')} value={preview.encoding} onChange={(event) => onChange({ ...choices, encoding: event.target.value })} data-testid="import-encoding">
              {ENCODING_CHOICES.map((encoding) => (
                <MenuItem key={encoding} value={encoding}>
                  {encoding}
                  {encoding === preview.encoding && preview.hasBom ? ` (${t('import.settings.bom')})` : ''}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" disabled={disabled}>
            <InputLabel id="import-delimiter-label">{t('import.settings.delimiter')}</InputLabel>
            <Select labelId="import-delimiter-label" label={t('import.settings.delimiter')} value={preview.delimiter} onChange={(event) => onChange({ ...choices, delimiter: event.target.value })} data-testid="import-delimiter">
              {DELIMITER_CHOICES.map((choice) => (
                <MenuItem key={choice.label} value={choice.value}>
                  {t(`import.delimiters.${choice.label}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" disabled={disabled}>
            <InputLabel id="import-date-label" shrink>
              {t('import.settings.dateFormat')}
            </InputLabel>
            <Select labelId="import-date-label" label={t('import.settings.dateFormat')} notched value={choices.dateFormat ?? ''} onChange={(event) => onChange({ ...choices, dateFormat: event.target.value || undefined })} data-testid="import-date-format" displayEmpty>
              <MenuItem value="">{main ? t('import.settings.detected', { format: format.dateMask(main.label) }) : t('import.settings.auto')}</MenuItem>
              {DATE_FORMAT_CHOICES.map((choice) => (
                <MenuItem key={choice.spec} value={choice.spec}>
                  {t(`import.dateFormats.${choice.label}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Box>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <FormControlLabel control={<Switch checked={preview.hasHeader} onChange={(event) => onChange({ ...choices, hasHeader: event.target.checked })} disabled={disabled} />} label={t('import.settings.header')} />
          {preview.isKindGuessed && choices.kind === undefined && <Chip size="small" label={`${t(`import.kinds.${preview.kind}`)}: ${t('import.settings.guessed')}`} />}
          <Typography variant="body2" color="text.secondary">
            {t('import.settings.decimal', { mark: preview.decimalMark })}
          </Typography>
          {preview.skippedLines > 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('import.settings.skipped', { count: preview.skippedLines })}
            </Typography>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('import.settings.timeZone', { zone: format.timeZoneName(preview.timeZone) })}
        </Typography>
        <IdAndDateSettings preview={preview} choices={choices} onChange={onChange} disabled={disabled} />
        {isKindMissing && (
          <Alert severity="warning" data-testid="import-kind-uncertain">
            {t('import.settings.kindUncertain')}
          </Alert>
        )}
        {ambiguous && !choices.dateFormat && (
          <Alert severity="warning" data-testid="import-ambiguous-dates">
            {t('import.ambiguous', { column: columnName(ambiguous.column), format: format.dateMask(ambiguous.label) })}
          </Alert>
        )}
        {conflict && <Alert severity="warning">{t('import.conflict', { column: columnName(conflict.column), format: format.dateMask(conflict.label) })}</Alert>}
      </Stack>
    </Paper>
  );
}
