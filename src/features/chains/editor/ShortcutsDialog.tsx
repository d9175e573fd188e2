import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './useEditorShortcuts';

/** Every keyboard shortcut of the editor (opened with "?" or from the toolbar). */
export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={isOpen} onClose={onClose} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">{t('chains.shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {shortcut.keys.map((keys) => <Typography key={keys} component="kbd" sx={{ fontFamily: 'monospace', bgcolor: 'grey.100', border: '1px solid', borderColor: 'grey.300', borderRadius: 0.5, px: 0.5, mr: 0.5 }}>{keys}</Typography>)}
                </TableCell>
                <TableCell>{t(`chains.shortcuts.${shortcut.action}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{t('chains.shortcuts.boxSelect')}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('chains.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
