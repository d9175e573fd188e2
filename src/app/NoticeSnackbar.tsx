import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { useFormat } from '../ui/format';

/**
   * The one place short confirmations and errors appear. Errors and warnings (stored data that
   * could not be read) stay until the user closes them; confirmations go by themselves. A notice's
   * text is rendered here, with the current language and formatter, so it follows a language switch.
 */
export function NoticeSnackbar() {
  const { t } = useTranslation();
  const format = useFormat();
  const notice = useAppStore((state) => state.notice);
  const clearNotice = useAppStore((state) => state.clearNotice);
  const message = typeof notice?.message === 'function' ? notice.message({ t, format }) : notice?.message;
  // Long enough to read (about 60 ms a character, 6 to 15 s; it waits while hovered or
  // focused); errors stay until closed.
  const readingTime = Math.min(15_000, Math.max(6000, 3000 + 60 * (message?.length ?? 0)));
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      autoHideDuration={notice?.severity === 'error' || notice?.severity === 'warning' ? null : readingTime}
      onClose={(_, reason) => reason !== 'clickaway' && clearNotice()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={notice?.severity ?? 'info'} onClose={clearNotice} variant="filled" sx={{ maxWidth: 640 }} data-testid="notice">
        {message}
      </Alert>
    </Snackbar>
  );
}
