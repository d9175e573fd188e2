import { Alert, Box, Chip, ListSubheader, MenuItem, Paper, Select, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import { useTranslation } from 'react-i18next';
import { REQUIRED_FIELDS, type CanonicalField, type ColumnMapping, type CsvKind, type ImportPreview } from '../../domain';
import { useFormat } from '../../ui/format';
import { assignColumn, fieldOfColumn, fieldsFor, isRequired, missingGroups } from './importModel';

const KEEP = '__keep';

function RequiredFields({ kind, mapping }: { kind: CsvKind; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const missing = missingGroups(kind, mapping);
  const label = (group: readonly CanonicalField[]) => group.map((field) => t(`import.fields.${field}`)).join(t('import.mapping.or'));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="import-required">
      <Typography variant="body2" color="text.secondary">
        {t('import.mapping.required')}:
      </Typography>
      {REQUIRED_FIELDS[kind].map((group) => {
        const isMissing = missing.some((g) => g.includes(group[0]!));
        return <Chip key={group.join('|')} size="small" color={isMissing ? 'error' : 'success'} variant={isMissing ? 'filled' : 'outlined'} icon={isMissing ? <ErrorOutlineIcon /> : <CheckIcon />} label={label(group)} />;
      })}
    </Stack>
  );
}

function FieldSelect({ preview, kind, mapping, column, onChange, disabled }: { preview: ImportPreview; kind: CsvKind; mapping: ColumnMapping; column: number; onChange: (mapping: ColumnMapping) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const current = fieldOfColumn(mapping, column);
  const suggestions = preview.columns[column]!.suggestions;
  const kept = t(kind === 'customers' ? 'import.mapping.keptCustomers' : 'import.mapping.keptEvents');
  const label = (field: CanonicalField) => {
    const owner = mapping[field];
    const where = owner !== undefined && owner !== column ? ` ← ${preview.columns[owner]?.name}` : '';
    return `${suggestions.includes(field) ? '★ ' : ''}${t(`import.fields.${field}`)}${isRequired(kind, field) ? ' *' : ''}${where}`;
  };
  const ordered = [...suggestions.filter((field) => fieldsFor(kind).includes(field)), ...fieldsFor(kind).filter((field) => !suggestions.includes(field))];
  return (
    <Select
      size="small"
      fullWidth
      value={current ?? KEEP}
      disabled={disabled}
      onChange={(event) => onChange(assignColumn(mapping, column, event.target.value === KEEP ? undefined : (event.target.value as CanonicalField)))}
      inputProps={{ 'aria-label': `${t('import.mapping.mapsTo')}: ${preview.columns[column]!.name}` }}
      data-testid={`import-map-${column}`}
      MenuProps={{ slotProps: { paper: { sx: { maxHeight: 420 } } } }}
    >
      <MenuItem value={KEEP}>
        <em>{t('import.mapping.keep', { kept })}</em>
      </MenuItem>
      <ListSubheader>{t('import.mapping.mapsTo')}</ListSubheader>
      {ordered.map((field) => (
        <MenuItem key={field} value={field}>
          {label(field)}
        </MenuItem>
      ))}
    </Select>
  );
}

/** Every column with examples, how full it is and what it holds; then the first rows as read. */
export function MappingTable({ preview, kind, mapping, onChange, disabled }: { preview: ImportPreview; kind: CsvKind; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const missing = missingGroups(kind, mapping);
  const kept = t(kind === 'customers' ? 'import.mapping.keptCustomers' : 'import.mapping.keptEvents');
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h2">
          {t('import.mapping.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('import.mapping.help', { kept })}
        </Typography>
        <RequiredFields kind={kind} mapping={mapping} />
        {missing.length > 0 ? (
          <Alert severity="error" data-testid="import-missing">
            {t('import.mapping.missing', { fields: missing.map((group) => group.map((field) => t(`import.fields.${field}`)).join(t('import.mapping.or'))).join('; ') })}
          </Alert>
        ) : (
          <Alert severity="success">{t('import.mapping.complete')}</Alert>
        )}
        <TableContainer>
          <Table size="small" data-testid="import-mapping">
            <TableHead>
              <TableRow>
                <TableCell>{t('import.mapping.column')}</TableCell>
                <TableCell>{t('import.mapping.examples')}</TableCell>
                <TableCell align="right">{t('import.mapping.filled')}</TableCell>
                <TableCell sx={{ width: 320 }}>{t('import.mapping.mapsTo')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.columns.map((column, index) => (
                <TableRow key={`${index}-${column.name}`} data-testid={`import-column-${index}`}>
                  <TableCell sx={{ fontWeight: 500 }}>{column.name}</TableCell>
                  <TableCell sx={{ color: 'text.secondary', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={column.examples.slice(0, 3).join(' · ')} data-may-truncate data-value>{column.examples.slice(0, 3).join(' · ')}</TableCell>
                  <TableCell align="right">{format.percent(column.fill)}</TableCell>
                  <TableCell>
                    <FieldSelect preview={preview} kind={kind} mapping={mapping} column={index} onChange={onChange} disabled={disabled} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <PreviewRows preview={preview} />
      </Stack>
    </Paper>
  );
}

function PreviewRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t('import.mapping.preview')}
      </Typography>
      <TableContainer tabIndex={0} role="region" aria-label={t('import.mapping.preview')} sx={{ maxHeight: 360, border: 1, borderColor: 'divider', borderRadius: 1, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}>
        <Table size="small" stickyHeader data-testid="import-preview">
          <TableHead>
            <TableRow>
              <TableCell>{t('import.mapping.line')}</TableCell>
              {preview.columns.map((column, index) => (
                <TableCell key={index} sx={{ whiteSpace: 'nowrap' }}>
                  {column.name}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.rows.map((row) => (
              <TableRow key={row.line}>
                <TableCell sx={{ color: 'text.secondary' }}>{row.line}</TableCell>
                {preview.columns.map((_, index) => (
                  <TableCell key={index} sx={{ whiteSpace: 'pre', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }} title={row.fields[index] ?? ''} data-may-truncate data-value>
                    {row.fields[index] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
