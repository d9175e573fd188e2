import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from '../../../db/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/appStore';
import { formatDateTime } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { useChainEditor } from '../canvas/editorStore';
import { chainStorage, type ChainVersionEntry } from '../storage/chainStorage';

/**
 * Named versions (kept until the chain is deleted) and the automatic change history. Restoring
 * replaces the canvas with the version as one edit, so Undo brings the present back.
 */
export function VersionsDialog({ isOpen, onClose, workspaceId, timeZone }: { isOpen: boolean; onClose(): void; workspaceId: string; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const chainId = useChainEditor((state) => state.chain?.id);
  const [name, setName] = useState('');
  const versions = useLiveQuery(() => (isOpen && chainId ? chainStorage.versions(chainId) : Promise.resolve([])), [isOpen, chainId]) ?? [];
  const notify = useAppStore((state) => state.notify);
  async function saveNamed(): Promise<void> {
    const chain = useChainEditor.getState().chain;
    if (!chain || !name.trim()) return;
    await chainStorage.nameVersion(workspaceId, chain, name.trim());
    notify('success', t('chains.versions.savedNamed', { name: name.trim() }));
    setName('');
  }
  async function restore(version: ChainVersionEntry): Promise<void> {
    const chain = await chainStorage.versionChain(version.id);
    const state = useChainEditor.getState();
    if (!chain || !state.chain) return;
    state.edit({ ...chain, id: state.chain.id }, { select: [] });
    notify('success', t('chains.versions.restored', { date: formatDateTime(version.createdAt, language, timeZone) }));
    onClose();
  }
  function section(title: string, items: ChainVersionEntry[], testId: string) {
    return (
      <>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>{title}</Typography>
        {items.length === 0 ? <Typography variant="body2" color="text.secondary">{t('chains.versions.none')}</Typography> : (
          <List dense data-testid={testId}>
            {items.map((version) => (
              <ListItem key={version.id} data-testid="version" secondaryAction={<Button size="small" onClick={() => void restore(version)}>{t('chains.versions.restore')}</Button>}>
                <ListItemText primary={version.name ?? formatDateTime(version.createdAt, language, timeZone)} secondary={`${version.name ? `${formatDateTime(version.createdAt, language, timeZone)} · ` : ''}${t('chains.versions.nodes', { count: version.nodeCount })}`} />
              </ListItem>
            ))}
          </List>
        )}
      </>
    );
  }
  return (
    <Dialog open={isOpen} onClose={onClose} aria-labelledby="versions-title" maxWidth="sm" fullWidth>
      <DialogTitle id="versions-title">{t('chains.versions.title')}</DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={1} sx={{ pt: 1 }} component="form" onSubmit={(event) => { event.preventDefault(); void saveNamed(); }}>
          <TextField size="small" label={t('chains.versions.name')} value={name} onChange={(event) => setName(event.target.value)} sx={{ flexGrow: 1 }} slotProps={{ htmlInput: { maxLength: 80 } }} />
          <Button type="submit" variant="outlined" disabled={!name.trim()}>{t('chains.versions.saveNamed')}</Button>
        </Stack>
        {section(t('chains.versions.named'), versions.filter((version) => version.name !== null), 'named-versions')}
        {section(t('chains.versions.history'), versions.filter((version) => version.name === null), 'history-versions')}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('chains.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
