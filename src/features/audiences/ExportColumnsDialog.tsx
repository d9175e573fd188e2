import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AUDIENCE_EXPORT_COLUMNS } from '../../domain/audiences/exportColumns';
import { attrName } from '../../domain/conditions/names';
import { useAudienceColumnName } from './useAudienceColumnName';

/** The export's column chooser: every column the data offers, checked in file order; "Export" writes the file with them. */
export function ExportColumnsDialog({ available, chosen, onChange, onExport, onClose }: {
  /** undefined while read */
  available: string[] | undefined;
  chosen: readonly string[];
  onChange(next: string[]): void;
  onExport(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const columnName = useAudienceColumnName();
  const list = available ?? [];
  function toggle(column: string, isOn: boolean) {
    const next = new Set(chosen);
    if (isOn) next.add(column);
    else next.delete(column);
    onChange(list.filter((item) => next.has(item)));
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="audience-columns-title" maxWidth="md" fullWidth>
      <DialogTitle id="audience-columns-title">{t('audiences.columns.title')}</DialogTitle>
      <DialogContent>
        <Typography color="text.secondary" sx={{ mb: 1 }}>{t('audiences.columns.help')}</Typography>
        {!available && <Typography>{t('audiences.counting')}</Typography>}
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }} data-testid="audience-columns">
          {list.map((column) => (
            <FormControlLabel
              key={column}
              control={<Checkbox size="small" checked={chosen.includes(column)} onChange={(event) => toggle(column, event.target.checked)} />}
              label={attrName(column) === null ? columnName(column) : <span data-value="">{columnName(column)}</span>}
              data-testid={`audience-column-${column}`}
            />
          ))}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onChange([...DEFAULT_AUDIENCE_EXPORT_COLUMNS])}>{t('audiences.columns.reset')}</Button>
        <Button onClick={onClose}>{t('audiences.cancel')}</Button>
        <Button variant="contained" disabled={!chosen.length} onClick={onExport} data-testid="audience-columns-export">{t('audiences.columns.export', { count: chosen.length })}</Button>
      </DialogActions>
    </Dialog>
  );
}
