import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { progressFigures } from './importModel';
import type { ProgressStore } from './progressStore';

export interface RunningImport {
  fileName: string;
  startedAt: number;
  progress: ProgressStore;
}

/** Rows read of about how many, rows per second, time left, and Cancel. */
export function ImportProgressPanel({ running: runningImport, onCancel }: { running: RunningImport; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = useSyncExternalStore(runningImport.progress.subscribe, runningImport.progress.get);
  const running = { ...progress, startedAt: runningImport.startedAt };
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Once a second is enough for a speed and a time left in whole seconds.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const figures = progressFigures(running.done, running.total, running.startedAt, Math.max(now, running.startedAt));
  const isCommitting = running.phase === 'commit';
  return (
    <Paper elevation={6} sx={{ p: 2 }} data-testid="import-progress">
      <Stack spacing={1.5}>
        <Typography variant="subtitle1">{isCommitting ? t('import.run.committing') : t('import.run.reading')}</Typography>
        {isCommitting ? <BusyBar label={t('import.run.committing')} /> : <BusyBar label={t('import.run.reading')} done={figures.share} total={1} />}
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Typography variant="body2" data-testid="import-progress-rows">
            {t('import.run.progress', { done: format.count(running.done), count: running.total })}
          </Typography>
          {figures.rate > 0 && <Typography variant="body2">{t('import.run.speed', { rate: format.count(figures.rate) })}</Typography>}
          {figures.secondsLeft !== null && !isCommitting && <Typography variant="body2">{t('import.run.eta', { time: format.seconds(figures.secondsLeft) })}</Typography>}
          <Box sx={{ flexGrow: 1 }} />
          <Button color="inherit" variant="outlined" onClick={onCancel} disabled={isCommitting}>
            {t('import.run.cancel')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
