import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../db';
import { useAppStore } from '../../../store/appStore';
import { NameDialog } from '../../workspaces/NameDialog';
import { chainStorage } from '../storage/chainStorage';
import { duplicateChain, unusedChainName } from './chainListModel';

export interface ChainDialog {
  kind: 'rename' | 'duplicate' | 'delete';
  chainId: string;
  name: string;
}

async function loadChain(chainId: string) {
  const loaded = await chainStorage.load(chainId);
  if (!loaded?.ok) throw new Error(loaded ? loaded.message.en : 'The chain no longer exists.');
  return loaded.entry.chain;
}

/** Rename, duplicate and (confirmed) delete of a chain in the list. */
export function ChainDialogs({ dialog, workspaceId, takenNames, onClose }: { dialog: ChainDialog; workspaceId: string; takenNames: readonly string[]; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  async function rename(name: string): Promise<void> {
    if (!name.trim()) throw new Error(t('chains.nameRequired'));
    const chain = await loadChain(dialog.chainId);
    await chainStorage.save(workspaceId, { ...chain, name: name.trim() });
  }
  async function duplicate(name: string): Promise<void> {
    if (!name.trim()) throw new Error(t('chains.nameRequired'));
    const chain = await loadChain(dialog.chainId);
    await chainStorage.save(workspaceId, duplicateChain(chain, newId(), name.trim()));
    notify('success', t('chains.created', { name: name.trim() }));
  }
  async function remove(): Promise<void> {
    await chainStorage.remove(dialog.chainId);
    notify('success', t('chains.deleted', { name: dialog.name }));
    onClose();
  }
  if (dialog.kind === 'rename') {
    return <NameDialog title={t('chains.rename')} label={t('chains.nameLabel')} initialName={dialog.name} submitLabel={t('chains.save')} onSubmit={rename} onClose={onClose} />;
  }
  if (dialog.kind === 'duplicate') {
    const initial = unusedChainName(t('chains.copyName', { name: dialog.name }), takenNames);
    return <NameDialog title={t('chains.duplicate')} label={t('chains.nameLabel')} initialName={initial} submitLabel={t('chains.duplicate')} onSubmit={duplicate} onClose={onClose} />;
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
