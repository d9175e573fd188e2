import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mappingFromNames, type ColumnMapping, type CsvKind, type ImportPreview } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { LimitedTextField } from '../../ui/LimitedTextField';

const MAX_PRESET_NAME_LENGTH = 80;
import { savePreset, useMatchingPresets } from './usePresets';

/** Offers a saved mapping for this header, and saves the current one. */
export function PresetBar({ preview, kind, mapping, onApply }: { preview: ImportPreview; kind: CsvKind; mapping: ColumnMapping; onApply: (mapping: ColumnMapping) => void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const presets = useMatchingPresets(preview, kind);
  const [isSaving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const columns = preview.columns.map((column) => column.name);
  const offered = presets[0];

  async function save() {
    const preset = await savePreset(name, kind, preview, mapping);
    notify('success', ({ t }) => t('import.presets.saved', { name: preset.name }));
    setSaving(false);
  }

  return (
    <Stack spacing={1}>
      {offered && (
        <Alert
          severity="info"
          data-testid="import-preset-offer"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                onApply(mappingFromNames(offered.mapping, columns));
                notify('info', ({ t }) => t('import.presets.applied', { name: offered.name }));
              }}
            >
              {t('import.presets.apply')}
            </Button>
          }
        >
          {t('import.presets.found', { name: offered.name })}
        </Alert>
      )}
      <Stack direction="row">
        <Button
          size="small"
          onClick={() => {
            setName(offered?.name ?? preview.columns.slice(0, 3).map((column) => column.name).join(', '));
            setSaving(true);
          }}
        >
          {t('import.presets.save')}
        </Button>
      </Stack>
      <Dialog open={isSaving} onClose={() => setSaving(false)}>
        <DialogTitle>{t('import.presets.saveTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('import.presets.saveHelp')}</DialogContentText>
          <LimitedTextField autoFocus fullWidth label={t('import.presets.name')} value={name} maxLength={MAX_PRESET_NAME_LENGTH} onChange={(event) => setName(event.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSaving(false)}>{t('import.presets.cancel')}</Button>
          <Button variant="contained" disabled={!name.trim()} onClick={() => void save()}>
            {t('import.presets.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
