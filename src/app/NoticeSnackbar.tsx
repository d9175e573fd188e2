import { Alert, Snackbar } from '@mui/material';
import { useAppStore } from '../store/appStore';

/**
 * The one place short confirmations and errors appear. Errors and warnings (stored data that
 * could not be read) stay until the user closes them; confirmations go by themselves.
 */
export function NoticeSnackbar() {
  const notice = useAppStore((state) => state.notice);
  const clearNotice = useAppStore((state) => state.clearNotice);
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      autoHideDuration={notice?.severity === 'error' || notice?.severity === 'warning' ? null : 6000}
      onClose={(_, reason) => reason !== 'clickaway' && clearNotice()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={notice?.severity ?? 'info'} onClose={clearNotice} variant="filled" sx={{ maxWidth: 640 }}>
        {notice?.message}
      </Alert>
    </Snackbar>
  );
}
