import { FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePlaceholderList, type ImportPreview } from '../../domain';
import type { ReadChoices } from './importModel';

/**
 * The values read as a missing customer id ("NA", "NULL" …: domain/import/placeholders.ts) and
 * whether rows dated outside the plausible dates are rejected. The list is applied when the
 * field is left or Enter is pressed (each change reads the file's beginning again).
 */
export function IdAndDateSettings({ preview, choices, onChange, disabled }: { preview: ImportPreview; choices: ReadChoices; onChange: (choices: ReadChoices) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const shown = preview.placeholderIds.join(', ');
  const [text, setText] = useState(shown);
  const [shownBefore, setShownBefore] = useState(shown);
  // A new preview (another file, or the list applied) shows its own list.
  if (shown !== shownBefore) {
    setShownBefore(shown);
    setText(shown);
  }
  function apply() {
    const list = parsePlaceholderList(text);
    if (list.join(', ') !== shown) onChange({ ...choices, placeholderIds: list });
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') apply();
  }
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
      <TextField
        size="small"
        sx={{ flex: 1 }}
        label={t('import.settings.placeholderIds')}
        helperText={t('import.settings.placeholderHelp')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={onKeyDown}
        disabled={disabled}
        slotProps={{ htmlInput: { 'data-testid': 'import-placeholder-ids' } }}
      />
      <FormControlLabel
        sx={{ flex: 1 }}
        control={<Switch checked={preview.farDates === 'reject'} onChange={(event) => onChange({ ...choices, farDates: event.target.checked ? 'reject' : 'keep' })} disabled={disabled} />}
        label={t('import.settings.rejectFarDates', { window: preview.plausibleDates })}
      />
    </Stack>
  );
}
