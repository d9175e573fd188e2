import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../domain';

/**
 * Create from a template: the textbook's templates with their rule, stage and the event types
 * this workspace lacks, shown before creating. Waits for issue-12-model's templates.
 */
export function TemplatePicker({ onClose }: { workspace: Workspace; takenNames: readonly string[]; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="template-title" maxWidth="md" fullWidth>
      <DialogTitle id="template-title">{t('chains.templates.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('chains.templates.help')}</DialogContentText>
        <Alert severity="info" sx={{ mt: 2 }}>{t('chains.templates.none')}</Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('chains.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
