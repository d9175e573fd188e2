import { CssBaseline, ThemeProvider } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { onStorageProblem } from '../db/records/storageProblems';
import { openStartWorkspace } from '../features/workspaces/workspaceActions';
import { useAppStore } from '../store/appStore';
import { errorMessage } from '../ui/errorMessage';
import { storageReasonText } from '../ui/storageReason';
import { useLanguage } from '../ui/useLanguage';
import { DatePickerProvider } from '../ui/DateField';
import { UpdatePrompt } from '../features/appUpdate/UpdatePrompt';
import { AppShell } from './AppShell';
import { BootScreen } from './BootScreen';
import { NoticeSnackbar } from './NoticeSnackbar';
import { createAppTheme } from './theme';

let bootStarted = false;

function useBoot(): void {
  const { t } = useTranslation();
  useEffect(() => {
    // StrictMode runs effects twice in development; the start-up must run once.
    if (bootStarted) return;
    bootStarted = true;
    const { setBoot } = useAppStore.getState();
    if (typeof indexedDB === 'undefined') {
      setBoot({ status: 'failed', message: t('app.notAvailableInBrowser') });
      return;
    }
    openStartWorkspace(t('workspace.demoName'))
      // A new Demo workspace says so in the note at the top of the Data screen.
      .then(() => setBoot({ status: 'ready' }))
      .catch((error: unknown) => setBoot({ status: 'failed', message: errorMessage(error, t) }));
  }, [t]);
}

/** Stored records that could not be read are left as they are, and the user is told (src/db/records). */
function useStorageProblemNotices(): void {
  const { t } = useTranslation();
  const language = useLanguage();
  useEffect(
    () => onStorageProblem((problem) => useAppStore.getState().notify('warning', t('errors.storage.setAside', { what: problem.what, reason: storageReasonText(t, problem, language) }))),
    [t, language],
  );
}

export function App() {
  const language = useLanguage();
  const theme = useMemo(() => createAppTheme(language), [language]);
  const boot = useAppStore((state) => state.boot);
  useBoot();
  useStorageProblemNotices();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <DatePickerProvider>
        <BrowserRouter>{boot.status === 'ready' ? <AppShell /> : <BootScreen boot={boot} />}</BrowserRouter>
        <NoticeSnackbar />
        <UpdatePrompt />
      </DatePickerProvider>
    </ThemeProvider>
  );
}
