import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STAGE_NAME_LENGTH } from '../../domain/journey';
import { LimitedTextField } from '../../ui/LimitedTextField';

/** Name a new stage (and where it goes) or rename one. `onSubmit` returns an error text or null. */
export function StageNameDialog({ title, initialName, hint, positions, onSubmit, onClose }: {
  title: string;
  initialName: string;
  hint?: string;
  /** for a new stage: where it can go (value = the stage it follows, '' = at the end) */
  positions?: { value: string; label: string }[];
  onSubmit(name: string, after: string): string | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [after, setAfter] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(): void {
    const problem = onSubmit(name, after);
    if (problem) setError(problem);
    else onClose();
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <LimitedTextField
              autoFocus
              label={t('journey.mapping.stageName')}
              value={name}
              maxLength={MAX_STAGE_NAME_LENGTH}
              onChange={(event) => { setName(event.target.value); setError(null); }}
              error={error !== null}
              helperText={error ?? hint}
              slotProps={{ htmlInput: { 'data-testid': 'stage-name-input' } }}
            />
            {positions && (
              <TextField select label={t('journey.mapping.addAfter')} value={after} onChange={(event) => setAfter(event.target.value)}>
                {positions.map((position) => <MenuItem key={position.value} value={position.value}>{position.label}</MenuItem>)}
              </TextField>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('journey.mapping.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="stage-name-submit">{t('journey.mapping.confirm')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ConfirmDialog({ title, body, onConfirm, onClose }: { title: string; body: string; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} maxWidth="xs">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent><DialogContentText>{body}</DialogContentText></DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('journey.mapping.cancel')}</Button>
        <Button color="error" variant="contained" onClick={() => { onConfirm(); onClose(); }} data-testid="confirm-dialog-ok">{t('journey.mapping.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
