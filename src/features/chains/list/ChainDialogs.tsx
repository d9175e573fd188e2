import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deleteChain, duplicateChain, getDatabase, renameChain } from '../../../db';
import { useAppStore } from '../../../store/appStore';
import { NameDialog } from '../../workspaces/NameDialog';

export interface ChainDialog {
  kind: 'rename' | 'duplicate' | 'delete';
  chainId: string;
  name: string;
}

/** Rename, duplicate and (confirmed) delete of a chain in the list. */
export function ChainDialogs({ dialog, onClose }: { dialog: ChainDialog; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  async function rename(name: string): Promise<void> {
    if (!name.trim()) throw new Error(t('chains.nameRequired'));
    await renameChain(getDatabase(), dialog.chainId, name);
  }
  async function duplicate(name: string): Promise<void> {
    if (!name.trim()) throw new Error(t('chains.nameRequired'));
    // The repository keeps names unique in the workspace ("… (copy) 2").
    const copy = await duplicateChain(getDatabase(), dialog.chainId, () => name);
    notify('success', t('chains.created', { name: copy.name }));
  }
  async function remove(): Promise<void> {
    await deleteChain(getDatabase(), dialog.chainId);
    notify('success', t('chains.deleted', { name: dialog.name }));
    onClose();
  }
  if (dialog.kind === 'rename') {
    return <NameDialog title={t('chains.rename')} label={t('chains.nameLabel')} initialName={dialog.name} submitLabel={t('chains.save')} onSubmit={rename} onClose={onClose} />;
  }
  if (dialog.kind === 'duplicate') {
    return <NameDialog title={t('chains.duplicate')} label={t('chains.nameLabel')} initialName={t('chains.copyName', { name: dialog.name })} submitLabel={t('chains.duplicate')} onSubmit={duplicate} onClose={onClose} />;
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-chain-title">
      <DialogTitle id="delete-chain-title">{t('chains.deleteTitle', { name: dialog.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('chains.deleteBody')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('chains.cancel')}</Button>
        <Button color="error" variant="contained" onClick={() => void remove()} data-testid="confirm-delete">{t('chains.delete')}</Button>
      </DialogActions>
    </Dialog>
  );
}
