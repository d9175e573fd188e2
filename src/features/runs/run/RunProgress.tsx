import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { errorMessage } from '../../../ui/errorMessage';
import { runShare, useRunJob, type RunJob } from './runJobStore';

/** The state of a run: a progress bar with Cancel while it runs, then what came of it. */
export function RunJobStatus({ job, onOpenResults }: { job: RunJob; onOpenResults?(): void }) {
  const { t } = useTranslation();
  const cancel = useRunJob((state) => state.cancel);
  const [cancelledId, setCancelledId] = useState<number | null>(null);
  if (job.status === 'running') {
    const share = runShare(job);
    const isCancelling = cancelledId === job.id;
    const text = isCancelling ? t('runCanvas.progress.cancelling') : share === null ? t('runCanvas.progress.preparing', { name: job.name }) : t('runCanvas.progress.running', { name: job.name, done: job.done, total: job.total });
    return (
      <Stack spacing={1} data-testid="run-progress" data-state="running">
        <Typography variant="body2" role="status">{text}</Typography>
        <LinearProgress variant={share === null ? 'indeterminate' : 'determinate'} value={share === null ? undefined : share * 100} aria-label={t('runCanvas.progress.label')} />
        <Box>
          <Button size="small" color="error" variant="outlined" disabled={isCancelling} onClick={() => { setCancelledId(job.id); cancel(); }} data-testid="run-cancel">{t('runCanvas.dialog.cancel')}</Button>
        </Box>
      </Stack>
    );
  }
  if (job.status === 'cancelled') return <Alert severity="info" data-testid="run-progress" data-state="cancelled">{t('runCanvas.progress.cancelled', { name: job.name })}</Alert>;
  if (job.status === 'failed') return <Alert severity="error" data-testid="run-progress" data-state="failed">{t('runCanvas.progress.failed', { name: job.name, message: errorMessage(job.error, t) })}</Alert>;
  const totals = job.record.sums?.totals;
  return (
    <Alert
      severity="success"
      data-testid="run-progress"
      data-state="done"
      action={<Button component={RouterLink} to={`/runs/${job.record.id}`} color="inherit" size="small" onClick={onOpenResults} data-testid="open-results">{t('runCanvas.progress.openResults')}</Button>}
    >
      {t('runCanvas.progress.done', { name: job.name, customers: totals?.customersReached ?? 0, messages: totals?.messages ?? 0 })}
    </Alert>
  );
}

/**
 * The run in progress while the Run dialog is closed: a small panel in the corner, on every
 * screen, with Cancel; when the run ends it says how it went until dismissed.
 */
export function RunProgressPanel() {
  const { t } = useTranslation();
  const job = useRunJob((state) => state.job);
  const isDialogOpen = useRunJob((state) => state.isDialogOpen);
  const dismiss = useRunJob((state) => state.dismiss);
  if (!job || isDialogOpen) return null;
  return (
    <Paper elevation={6} sx={{ position: 'fixed', right: 16, bottom: 16, width: 380, maxWidth: 'calc(100vw - 32px)', p: 1.5, zIndex: (theme) => theme.zIndex.snackbar }} data-testid="run-progress-panel" aria-label={t('runCanvas.progress.label')} role="region">
      <RunJobStatus job={job} onOpenResults={dismiss} />
      {job.status !== 'running' && (
        <Box sx={{ textAlign: 'right', mt: 0.5 }}>
          <Button size="small" onClick={dismiss} data-testid="run-dismiss">{t('runCanvas.progress.dismiss')}</Button>
        </Box>
      )}
    </Paper>
  );
}
