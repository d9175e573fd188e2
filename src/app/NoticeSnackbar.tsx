import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { useFormat } from '../ui/format';

/**
 * The one place short confirmations and errors appear. A notice's text is rendered here, with
 * the current language and formatter, so it follows a language switch while it is shown.
 */
export function NoticeSnackbar() {
  const { t } = useTranslation();
  const format = useFormat();
  const notice = useAppStore((state) => state.notice);
  const clearNotice = useAppStore((state) => state.clearNotice);
  const message = typeof notice?.message === 'function' ? notice.message({ t, format }) : notice?.message;
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      autoHideDuration={notice?.severity === 'error' ? null : 6000}
      onClose={(_, reason) => reason !== 'clickaway' && clearNotice()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={notice?.severity ?? 'info'} onClose={clearNotice} variant="filled" sx={{ maxWidth: 640 }} data-testid="notice">
        {message}
      </Alert>
    </Snackbar>
  );
}
