import { Alert, Button, Snackbar, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { savePendingWork, saveThenReload } from './pendingSaves';

/** What reloading is doing: nothing yet, writing pending saves, or stopped because a save failed. */
type ReloadStep = 'idle' | 'saving' | 'notSaved';

/** True once this tab asked the new version to take over: the reload that follows is this tab's own. */
let isUpdateRequestedHere = false;

/**
 * Announces a new version of the app (the service worker found a new build, which waits: vite.config.ts,
 * registerType 'prompt'). Nothing reloads until the user says so, and then only after every pending
 * autosave is written (pendingSaves.ts) — an edit made a moment before the click is stored first.
 *
 * When another tab lets the new version take over, this tab is not reloaded under the user: its
 * pending saves are written at once and it says that a reload will bring the new version.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [step, setStep] = useState<ReloadStep>('idle');
  const [isUpdatedElsewhere, setUpdatedElsewhere] = useState(false);
  const [isDismissed, setDismissed] = useState(false);
  const {
    needRefresh: [isUpdateWaiting],
    updateServiceWorker,
  } = useRegisterSW({
    // The plugin would reload here by itself, and only in some cases (not in a tab that had no
    // service worker when it opened); useNewVersionTakingOver decides instead.
    onNeedReload() {},
  });
  useNewVersionTakingOver(() => {
    void savePendingWork().then(() => {
      setUpdatedElsewhere(true);
      setDismissed(false);
    });
  });

  async function reloadIntoNewVersion(): Promise<void> {
    setStep('saving');
    const outcome = await saveThenReload(async () => {
      if (isUpdatedElsewhere) {
        window.location.reload();
        return;
      }
      isUpdateRequestedHere = true;
      await updateServiceWorker(true);
    });
    if (outcome === 'notSaved') setStep('notSaved');
  }

  function dismiss(): void {
    setDismissed(true);
    setStep('idle');
  }

  const isShown = step !== 'idle' || ((isUpdateWaiting || isUpdatedElsewhere) && !isDismissed);
  return (
    <Snackbar open={isShown} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
      <Alert
        severity={step === 'notSaved' ? 'error' : 'info'}
        variant="filled"
        data-testid="update-prompt"
        sx={{ maxWidth: 520, alignItems: 'center' }}
        action={
          <Stack direction="row" spacing={1}>
            <Button color="inherit" size="small" onClick={dismiss} disabled={step === 'saving'}>
              {t('appUpdate.later')}
            </Button>
            <Button color="inherit" size="small" variant="outlined" onClick={() => void reloadIntoNewVersion()} disabled={step === 'saving'}>
              {t('appUpdate.reload')}
            </Button>
          </Stack>
        }
      >
        <PromptText step={step} isUpdatedElsewhere={isUpdatedElsewhere} />
      </Alert>
    </Snackbar>
  );
}

/**
 * A new version takes this tab over (the service worker controlling it changes): this tab's own
 * request reloads it; one made in another tab calls `onTakenOverElsewhere`. The very first
 * service worker taking an uncontrolled page (first visit) is not a new version.
 */
function useNewVersionTakingOver(onTakenOverElsewhere: () => void): void {
  useEffect(() => {
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!container) return;
    let hasController = container.controller !== null;
    function onControllerChange(): void {
      if (isUpdateRequestedHere) window.location.reload();
      else if (hasController) onTakenOverElsewhere();
      hasController = true;
    }
    container.addEventListener('controllerchange', onControllerChange);
    return () => container.removeEventListener('controllerchange', onControllerChange);
    // registered once: the callback only sets state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

function PromptText({ step, isUpdatedElsewhere }: { step: ReloadStep; isUpdatedElsewhere: boolean }) {
  const { t } = useTranslation();
  if (step === 'saving') return t('appUpdate.saving');
  if (step === 'notSaved') return t('appUpdate.notSaved');
  if (isUpdatedElsewhere) return t('appUpdate.updatedElsewhere');
  return (
    <>
      <Typography variant="body2" component="span" sx={{ fontWeight: 500, display: 'block' }}>
        {t('appUpdate.ready')}
      </Typography>
      <Typography variant="body2" component="span" sx={{ display: 'block' }}>
        {t('appUpdate.readyDetail')}
      </Typography>
    </>
  );
}
