import { Alert, Box, Button, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { saveThenReload } from '../features/appUpdate/pendingSaves';
import { screenFailureOf } from './screenFailure';

/**
 * Keeps a screen that cannot be shown from taking the whole app down: the navigation, the
 * workspace menu and the other screens go on working, and the failed screen says why and what to
 * do. Going to another screen clears it.
 */
export function ScreenErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={ScreenFailureNotice} resetKeys={[pathname]}>
      {children}
    </ErrorBoundary>
  );
}

function ScreenFailureNotice({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  const [reloadStep, setReloadStep] = useState<'idle' | 'saving' | 'notSaved'>('idle');
  const failure = screenFailureOf(error);

  async function reload(): Promise<void> {
    setReloadStep('saving');
    const outcome = await saveThenReload(() => window.location.reload());
    if (outcome === 'notSaved') setReloadStep('notSaved');
  }
  const isReloading = reloadStep === 'saving';
  const notSaved = reloadStep === 'notSaved' ? <Box data-testid="screen-failure-not-saved" sx={{ mt: 1 }}>{t('appUpdate.notSaved')}</Box> : null;

  const reloadButton = (
    <Button color="inherit" size="small" variant="outlined" disabled={isReloading} onClick={() => void reload()}>
      {t('app.reload')}
    </Button>
  );
  if (failure.kind === 'outdatedCode') {
    return (
      <Alert severity="info" data-testid="screen-failure" action={reloadButton}>
        {t('app.screenOutdated')}
        {notSaved}
      </Alert>
    );
  }
  return (
    <Alert
      severity="error"
      data-testid="screen-failure"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={resetErrorBoundary}>
            {t('app.tryAgain')}
          </Button>
          {reloadButton}
        </Stack>
      }
    >
      {t('app.screenFailed', { message: failure.message })}
      {notSaved}
    </Alert>
  );
}
