import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WORKSPACE_NAME_LENGTH } from '../../db';
import { errorMessage } from '../../ui/errorMessage';
import { isTooLong, LimitedTextField } from '../../ui/LimitedTextField';
import { BusyBar } from '../../ui/ProgressBars';

export interface NameDialogProps {
  title: string;
  help?: string;
  /** the field's label; a workspace name by default */
  label?: string;
  initialName: string;
  submitLabel: string;
  /** Extra fields under the name (e.g. "fill with demo data"). */
  extra?: ReactNode;
  /** Progress 0..1 of a long submit, shown under the form. */
  progress?: number | null;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

/** A dialog asking for a name (of a workspace, a chain …); the repository's refusal is shown under the field. */
export function NameDialog({ title, help, label, initialName, submitLabel, extra, progress, onSubmit, onClose }: NameDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isEmpty = name.trim() === '';

  async function submit(): Promise<void> {
    if (isEmpty || isTooLong(name, MAX_WORKSPACE_NAME_LENGTH)) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={isBusy ? undefined : onClose} fullWidth maxWidth="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {help && <DialogContentText sx={{ mb: 2 }}>{help}</DialogContentText>}
          <LimitedTextField
            autoFocus
            fullWidth
            label={label ?? t('workspace.nameLabel')}
            value={name}
            maxLength={MAX_WORKSPACE_NAME_LENGTH}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            error={error !== null || isEmpty}
            helperText={error ?? (isEmpty ? t('errors.workspace.nameEmpty') : undefined)}
            disabled={isBusy}
          />
          {extra}
          {isBusy && <BusyBar label={t('workspace.working')} done={progress ?? undefined} total={progress == null ? undefined : 1} sx={{ mt: 2 }} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={isBusy}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={isBusy || isEmpty || isTooLong(name, MAX_WORKSPACE_NAME_LENGTH)}>
            {isBusy ? t('workspace.working') : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
