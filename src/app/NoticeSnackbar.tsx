import { Alert, Snackbar } from '@mui/material';
import { useAppStore } from '../store/appStore';

/** The one place short confirmations and errors appear. */
export function NoticeSnackbar() {
  const notice = useAppStore((state) => state.notice);
  const clearNotice = useAppStore((state) => state.clearNotice);
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      autoHideDuration={notice?.severity === 'error' ? null : 6000}
      onClose={(_, reason) => reason !== 'clickaway' && clearNotice()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={notice?.severity ?? 'info'} onClose={clearNotice} variant="filled" sx={{ maxWidth: 640 }}>
        {notice?.message}
      </Alert>
    </Snackbar>
  );
}
