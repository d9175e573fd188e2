import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from '../../../db/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/appStore';
import { useFormat } from '../../../ui/format';
import { useChainEditor } from '../canvas/editorStore';
import { getDatabase, listChainVersions, restoreChainVersion, saveNamedVersion, type ChainVersionItem } from '../../../db';
import { errorMessage } from '../../../ui/errorMessage';

/**
 * Named versions (kept until the chain is deleted) and the automatic change history. Restoring
 * replaces the canvas with the version as one edit, so Undo brings the present back (and the
 * repository keeps the present in the history too). Both first store what the canvas shows
 * (`flush`), so a named version is exactly what the user sees.
 */
export function VersionsDialog({ isOpen, onClose, flush }: { isOpen: boolean; onClose(): void; flush(): Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const chainId = useChainEditor((state) => state.chain?.id);
  const [name, setName] = useState('');
  const versions = useLiveQuery(() => (isOpen && chainId ? listChainVersions(getDatabase(), chainId) : Promise.resolve([])), [isOpen, chainId]) ?? [];
  const notify = useAppStore((state) => state.notify);
  async function saveNamed(): Promise<void> {
    if (!chainId || !name.trim()) return;
    try {
      await flush();
      const version = await saveNamedVersion(getDatabase(), chainId, name);
      notify('success', t('chains.versions.savedNamed', { name: version.name }));
      setName('');
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  }
  async function restore(version: ChainVersionItem): Promise<void> {
    try {
      await flush();
      const restored = await restoreChainVersion(getDatabase(), version.id);
      const state = useChainEditor.getState();
      if (state.chain?.id !== restored.chain.id) return;
      state.edit(restored.chain, { select: [] });
      notify('success', t('chains.versions.restored', { date: format.dateTime(version.createdAt) }));
      onClose();
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  }
  function section(title: string, items: ChainVersionItem[], testId: string) {
    return (
      <>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>{title}</Typography>
        {items.length === 0 ? <Typography variant="body2" color="text.secondary">{t('chains.versions.none')}</Typography> : (
          <List dense data-testid={testId}>
            {items.map((version) => (
              <ListItem key={version.id} data-testid="version" secondaryAction={<Button size="small" onClick={() => void restore(version)}>{t('chains.versions.restore')}</Button>}>
                <ListItemText primary={version.name ?? format.dateTime(version.createdAt)} secondary={`${version.name ? `${format.dateTime(version.createdAt)} · ` : ''}${(version.nodeCount === null ? t('chains.versions.unreadable') : t('chains.versions.nodes', { count: version.nodeCount }))}`} />
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
