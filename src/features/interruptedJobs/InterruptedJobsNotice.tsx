import { Alert, Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findInterruptedJobs, getDatabase, removeJobMarker, type JobMarker } from '../../db';
import { useFormat } from '../../ui/format';

/** Where the job's name goes in the sentence: the name is the user's, shown as text and marked as data. */
const LABEL_MARK = '\u2060label\u2060';

function NoticeText({ text, label }: { text: string; label: string }) {
  const [before, after] = text.split(LABEL_MARK);
  return (
    <>
      {before}
      <span data-value>{label}</span>
      {after}
    </>
  );
}

/**
 * At the top of every screen after start-up: the runs and workspace-file openings whose tab was
 * closed in the middle. Each stays until dismissed (a notice that vanished on its own could be
 * missed, and the user may want to start the job again first).
 */
export function InterruptedJobsNotice() {
  const { t } = useTranslation();
  const format = useFormat();
  const [jobs, setJobs] = useState<JobMarker[]>([]);
  useEffect(() => {
    let isCurrent = true;
    findInterruptedJobs(getDatabase())
      .then((found) => isCurrent && setJobs(found))
      // Not knowing about a cut-off job must not stop the app; the job's data is safe either way.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  if (jobs.length === 0) return null;
  function dismiss(id: string): void {
    setJobs((current) => current.filter((job) => job.id !== id));
    void removeJobMarker(getDatabase(), id).catch(() => undefined);
  }
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {jobs.map((job) => (
        <Alert
          key={job.id}
          severity="warning"
          data-testid="job-interrupted"
          action={
            <Button color="inherit" size="small" onClick={() => dismiss(job.id)}>
              {t('interruptedJobs.dismiss')}
            </Button>
          }
        >
          <NoticeText text={t(`interruptedJobs.${job.kind}`, { label: LABEL_MARK, time: format.dateTime(job.startedAt) })} label={job.label} />
        </Alert>
      ))}
    </Stack>
  );
}
