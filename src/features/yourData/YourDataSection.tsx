import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, List, ListItem, ListItemText, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { deleteAllData } from '../../db';
import type { Workspace } from '../../domain';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { useWorkspaces, useWorkspaceStats } from '../workspaces/useWorkspaces';
import { WorkspaceDialog } from '../workspaces/WorkspaceDialogs';

const LANGUAGE_KEY = 'chainlab.language';

function WorkspaceRow({ workspace, onDelete }: { workspace: Workspace; onDelete(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useWorkspaceStats(workspace);
  const label = t('yourData.deleteWorkspace', { name: workspace.name });
  return (
    <ListItem
      disableGutters
      dense
      data-testid="your-data-workspace"
      secondaryAction={
        <Tooltip title={label}>
          <IconButton edge="end" aria-label={label} onClick={onDelete} size="small">
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      }
    >
      <ListItemText
        primary={<span data-value>{workspace.name}</span>}
        secondary={stats ? t('yourData.workspaceSize', { customers: format.count(stats.customers), events: format.count(stats.events) }) : '…'}
      />
    </ListItem>
  );
}

/** Deleting everything needs a word typed in: it takes every workspace with it. */
function DeleteAllDialog({ count, onClose }: { count: number; onClose(): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const word = t('yourData.deleteAllWord');

  async function removeEverything(): Promise<void> {
    setBusy(true);
    try {
      await deleteAllData();
      localStorage.removeItem(LANGUAGE_KEY);
      location.reload();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={isBusy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="delete-all-title">
      <DialogTitle id="delete-all-title">{t('yourData.deleteAllTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{t('yourData.deleteAllBody', { count })}</DialogContentText>
        <TextField autoFocus fullWidth label={t('yourData.deleteAllConfirmLabel', { word })} value={typed} onChange={(event) => setTyped(event.target.value)} disabled={isBusy} sx={{ mt: 1 }} />
        {isBusy && <BusyBar label={t('yourData.deleting')} sx={{ mt: 2 }} />}
        {error !== null && <Alert severity="error" sx={{ mt: 2 }}>{errorMessage(error, t)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isBusy}>{t('yourData.cancel')}</Button>
        <Button color="error" variant="contained" disabled={typed.trim().toLocaleLowerCase() !== word || isBusy} onClick={() => void removeEverything()}>
          {t('yourData.deleteAllAction')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Where the data lives, each workspace's size, and deleting a workspace or everything (issue 17). */
export function YourDataSection() {
  const { t } = useTranslation();
  const workspaces = useWorkspaces() ?? [];
  const [deleting, setDeleting] = useState<Workspace | 'all' | null>(null);
  return (
    <Stack spacing={1} data-testid="your-data">
      <Typography variant="subtitle2" component="h3">{t('yourData.title')}</Typography>
      <Typography variant="body2" data-testid="your-data-where">
        <Trans i18nKey="yourData.where" values={{ origin: location.origin }} components={{ code: <Box component="span" data-value sx={{ fontFamily: 'monospace' }} /> }} />
      </Typography>
      <Typography variant="caption" color="text.secondary">{t('yourData.workspaces')}</Typography>
      <List dense disablePadding sx={{ maxHeight: 200, overflowY: 'auto' }}>
        {workspaces.map((workspace) => <WorkspaceRow key={workspace.id} workspace={workspace} onDelete={() => setDeleting(workspace)} />)}
      </List>
      <Button color="error" variant="outlined" size="small" startIcon={<DeleteOutlineIcon />} onClick={() => setDeleting('all')}>
        {t('yourData.deleteAll')}
      </Button>
      {deleting === 'all' && <DeleteAllDialog count={workspaces.length} onClose={() => setDeleting(null)} />}
      {deleting !== null && deleting !== 'all' && <WorkspaceDialog kind="delete" workspace={deleting} isLast={workspaces.length <= 1} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
