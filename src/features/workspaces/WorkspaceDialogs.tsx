import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkspace, duplicateWorkspace, getDatabase, renameWorkspace } from '../../db';
import type { Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { NameDialog } from './NameDialog';
import { WorkspaceSettingsDialog } from '../settings/WorkspaceSettingsDialog';
import { ExportWorkspaceDialog } from '../workspaceFile/ExportWorkspaceDialog';
import { ImportWorkspaceDialog } from '../workspaceFile/ImportWorkspaceDialog';
import { useWorkspaceStats } from './useWorkspaces';
import { createDemoWorkspace, deleteWorkspaceAndMoveOn, switchWorkspace } from './workspaceActions';

export type WorkspaceDialogKind = 'create' | 'rename' | 'duplicate' | 'delete' | 'settings' | 'export' | 'import';

interface DialogProps {
  workspace: Workspace;
  onClose(): void;
}

function CreateDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [withDemo, setWithDemo] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  async function create(name: string): Promise<void> {
    const workspace = withDemo
      ? await createDemoWorkspace(name, (done, total) => setProgress(total ? done / total : null))
      : await createWorkspace(getDatabase(), { name });
    await switchWorkspace(workspace.id);
    notify('success', ({ t }) => t('workspace.created', { name: workspace.name }));
  }
  return (
    <NameDialog
      title={t('workspace.createTitle')}
      help={t('workspace.createHelp')}
      initialName={t('workspace.newName')}
      submitLabel={t('workspace.createAction')}
      progress={progress}
      extra={<FormControlLabel control={<Checkbox checked={withDemo} onChange={(e) => setWithDemo(e.target.checked)} />} label={t('workspace.withDemo')} />}
      onSubmit={create}
      onClose={onClose}
    />
  );
}

function RenameDialog({ workspace, onClose }: DialogProps) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  async function rename(name: string): Promise<void> {
    await renameWorkspace(getDatabase(), workspace.id, name);
    notify('success', ({ t }) => t('workspace.renamed', { name: name.trim() }));
  }
  return <NameDialog title={t('workspace.renameTitle')} initialName={workspace.name} submitLabel={t('workspace.save')} onSubmit={rename} onClose={onClose} />;
}

function DuplicateDialog({ workspace, onClose }: DialogProps) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  async function duplicate(name: string): Promise<void> {
    const copy = await duplicateWorkspace(getDatabase(), workspace.id, name);
    await switchWorkspace(copy.id);
    notify('success', ({ t }) => t('workspace.duplicated', { name: copy.name }));
  }
  return (
    <NameDialog
      title={t('workspace.duplicateTitle')}
      help={t('workspace.duplicateHelp', { name: workspace.name })}
      initialName={t('workspace.copyName', { name: workspace.name })}
      submitLabel={t('workspace.duplicateAction')}
      onSubmit={duplicate}
      onClose={onClose}
    />
  );
}

/** Deleting needs the name typed in: a workspace may hold an import that took a while. */
function DeleteDialog({ workspace, isLast, onClose }: DialogProps & { isLast: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const stats = useWorkspaceStats(workspace);
  const [typed, setTyped] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isConfirmed = typed.trim() === workspace.name;

  async function remove(): Promise<void> {
    setBusy(true);
    try {
      await deleteWorkspaceAndMoveOn(workspace.id, t('workspace.demoName'), () => undefined);
      notify('success', ({ t }) => t('workspace.deleted', { name: workspace.name }));
      onClose();
    } catch (caught) {
      setError(errorMessage(caught, t));
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={isBusy ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('workspace.deleteTitle', { name: workspace.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          {t('workspace.deleteWarning', { customers: format.count(stats?.customers ?? 0), events: format.count(stats?.events ?? 0) })}
        </DialogContentText>
        {isLast && <Alert severity="info" sx={{ mb: 2 }}>{t('workspace.deleteLast')}</Alert>}
        <TextField autoFocus fullWidth label={t('workspace.deleteConfirmLabel')} placeholder={workspace.name} value={typed} onChange={(e) => setTyped(e.target.value)} disabled={isBusy} sx={{ mt: 1 }} />
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        {isBusy && <BusyBar label={t('workspace.working')} sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isBusy}>{t('workspace.cancel')}</Button>
        <Button color="error" variant="contained" disabled={!isConfirmed || isBusy} onClick={() => void remove()}>
          {t('workspace.deleteAction')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function WorkspaceDialog({ kind, workspace, isLast, onClose }: { kind: WorkspaceDialogKind; workspace: Workspace; isLast: boolean; onClose(): void }) {
  switch (kind) {
    case 'create':
      return <CreateDialog onClose={onClose} />;
    case 'rename':
      return <RenameDialog workspace={workspace} onClose={onClose} />;
    case 'duplicate':
      return <DuplicateDialog workspace={workspace} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog workspace={workspace} isLast={isLast} onClose={onClose} />;
    case 'settings':
      return <WorkspaceSettingsDialog workspace={workspace} onClose={onClose} />;
    case 'export':
      return <ExportWorkspaceDialog workspace={workspace} onClose={onClose} />;
    case 'import':
      return <ImportWorkspaceDialog onClose={onClose} />;
  }
}
