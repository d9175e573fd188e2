import { Button, Chip, Divider, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import FileOpenIcon from '@mui/icons-material/FileOpenOutlined';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import WorkspacesIcon from '@mui/icons-material/Workspaces';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useActiveWorkspace, useWorkspaces } from './useWorkspaces';
import { WorkspaceDialog, type WorkspaceDialogKind } from './WorkspaceDialogs';
import { switchWorkspace } from './workspaceActions';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const workspaces = useWorkspaces();
  const active = useActiveWorkspace();
  const notify = useAppStore((state) => state.notify);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<WorkspaceDialogKind | null>(null);

  function open(kind: WorkspaceDialogKind): void {
    setAnchor(null);
    setDialog(kind);
  }

  async function choose(id: string, name: string): Promise<void> {
    setAnchor(null);
    if (id === active?.id) return;
    try {
      await switchWorkspace(id);
      notify('info', ({ t }) => t('workspace.switched', { name }));
    } catch (error) {
      notify('error', ({ t }) => errorMessage(error, t));
    }
  }

  return (
    <>
      <Button
        color="inherit"
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<WorkspacesIcon />}
        endIcon={<ExpandMoreIcon />}
        aria-label={t('workspace.switchTo')}
        aria-haspopup="menu"
        data-testid="workspace-switcher"
        sx={{ maxWidth: 360 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={active?.name} data-value data-may-truncate>{active?.name ?? '…'}</span>
        {active?.isDemo && <Chip label={t('workspace.demoBadge')} size="small" color="secondary" sx={{ ml: 1, height: 20 }} />}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { minWidth: 280 } } }}>
        {(workspaces ?? []).map((workspace) => (
          <MenuItem key={workspace.id} selected={workspace.id === active?.id} onClick={() => void choose(workspace.id, workspace.name)}>
            <ListItemIcon>{workspace.id === active?.id && <CheckIcon fontSize="small" />}</ListItemIcon>
            <ListItemText primary={workspace.name} data-value />
            {workspace.isDemo && <Chip label={t('workspace.demoBadge')} size="small" sx={{ ml: 1, height: 20 }} />}
          </MenuItem>
        ))}
        <Divider />
        <MenuItem data-testid="workspace-action-create" onClick={() => open('create')}>
          <ListItemIcon><AddIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspace.create')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-rename" onClick={() => open('rename')} disabled={!active}>
          <ListItemIcon><DriveFileRenameOutlineIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspace.rename')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-duplicate" onClick={() => open('duplicate')} disabled={!active}>
          <ListItemIcon><ContentCopyIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspace.duplicate')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-export" onClick={() => open('export')} disabled={!active}>
          <ListItemIcon><FileDownloadIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspaceFile.exportMenu')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-import" onClick={() => open('import')}>
          <ListItemIcon><FileOpenIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspaceFile.importMenu')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-settings" onClick={() => open('settings')} disabled={!active}>
          <ListItemIcon><SettingsIcon fontSize="small" /></ListItemIcon>
          <ListItemText primary={t('workspace.settings')} />
        </MenuItem>
        <MenuItem data-testid="workspace-action-delete" onClick={() => open('delete')} disabled={!active} sx={{ color: 'error.main' }}>
          <ListItemIcon><DeleteOutlineIcon fontSize="small" color="error" /></ListItemIcon>
          <ListItemText primary={t('workspace.delete')} />
        </MenuItem>
      </Menu>
      {dialog && active && <WorkspaceDialog kind={dialog} workspace={active} isLast={(workspaces?.length ?? 0) <= 1} onClose={() => setDialog(null)} />}
    </>
  );
}
