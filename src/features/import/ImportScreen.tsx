import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../../db/react';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { getDatabase } from '../../db';
import { getImportBatch, type StoredImport } from '../../db/repositories/importRepository';
import { mappingFromNames, type ColumnMapping, type ImportBatch, type ImportReport } from '../../domain';
import { useAppStore, type NoticeText } from '../../store/appStore';
import { useFormat } from '../../ui/format';
import { SubPageHeader } from '../../ui/SubPageHeader';
import { engineWorker } from '../../workers/engineClient';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { FileDropZone } from './FileDropZone';
import { ImportHistory } from './ImportHistory';
import { ImportProgressPanel, type RunningImport } from './ImportProgressPanel';
import { ImportReportView } from './ImportReportView';
import { importErrorText } from './importErrors';
import { mappingForKind, type ReadChoices } from './importModel';
import { PreparedView, type Prepared } from './PreparedView';
import { createProgressStore } from './progressStore';

type Stage =
  | { step: 'choose' }
  | { step: 'inspecting'; file: File }
  | { step: 'preview'; prepared: Prepared }
  | { step: 'running'; prepared: Prepared; running: RunningImport }
  /** `notice`: the snackbar to show once the report is on screen; `prepared`: the file just imported, for "import again" */
  | { step: 'report'; batchId: string; report: ImportReport; notice?: NoticeText; prepared?: Prepared };

function choicesOf(stored: StoredImport): ReadChoices {
  const { kind, encoding, delimiter, hasHeader, dateFormat, placeholderIds, farDates } = stored.settings;
  return { kind, encoding, delimiter, hasHeader, dateFormat, placeholderIds, farDates };
}

/** Data → Import: choose a file, check how it is read and mapped, import it, read the report. */
export function ImportScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const workspace = useActiveWorkspace();
  const notify = useAppStore((state) => state.notify);
  const [params, setParams] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const isMounted = useRef(false);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  const resumeId = params.get('resume');
  const resumeBatch = useLiveQuery(() => (resumeId ? getImportBatch(getDatabase(), resumeId) : undefined), [resumeId]);
  const reportBatch = useLiveQuery(() => (stage.step === 'report' ? getImportBatch(getDatabase(), stage.batchId) : undefined), [stage.step === 'report' ? stage.batchId : '']);

  const timeZone = workspace?.timeZone ?? 'UTC';
  const inspect = useCallback(async (file: File, choices: ReadChoices, resumeOf?: ImportBatch) => {
    setError(undefined);
    setStage({ step: 'inspecting', file });
    try {
      const preview = await engineWorker('import').call('inspect', { file, choices: { ...choices, timeZone } });
      const stored = resumeOf?.report as StoredImport | undefined;
      const mapping = stored ? mappingFromNames(stored.settings.mapping, preview.columns.map((column) => column.name)) : preview.mapping;
      setStage({ step: 'preview', prepared: { file, preview, choices, mapping: mappingForKind(mapping, preview.kind), resumeOf } });
    } catch (caught) {
      setError(importErrorText(caught, t));
      setStage({ step: 'choose' });
    }
  }, [timeZone, t]);

  function chooseFile(file: File) {
    const stored = resumeBatch?.report as StoredImport | undefined;
    if (resumeBatch && stored) {
      if (file.name !== stored.file.name || file.size !== stored.file.size) {
        setError(t('import.resume.wrongFile', { file: stored.file.name, size: format.bytes(stored.file.size) }));
        return;
      }
      void inspect(file, choicesOf(stored), resumeBatch);
      return;
    }
    void inspect(file, {});
  }

  const workspaceId = workspace?.id;
  const run = useCallback(async (prepared: Prepared) => {
    if (!workspaceId) return;
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    const progress = createProgressStore({ done: 0, total: prepared.preview.estimatedRows, phase: 'read' });
    // Transitions let React render in slices of a few milliseconds: no long task at the click.
    startTransition(() => setStage({ step: 'running', prepared, running: { fileName: prepared.file.name, startedAt, progress } }));
    try {
      if (prepared.resumeOf) await engineWorker('import').call('remove', { workspaceId, batchId: prepared.resumeOf.id });
      const result = await engineWorker('import').call(
        'run',
        { workspaceId, file: prepared.file, choices: { ...prepared.choices, kind: prepared.preview.kind, timeZone, mapping: prepared.mapping } },
        {
          signal: abort.signal,
          onProgress: (update) => progress.set({ done: update.done, total: update.total, phase: update.phase ?? 'read' }),
        },
      );
      const { report } = result;
      const notice: NoticeText = ({ t, format }) => t('import.report.done', { file: prepared.file.name, accepted: format.count(report.accepted), merged: format.count(report.merged), rejected: format.count(report.rejected) });
      if (prepared.resumeOf) setParams({});
      // Left the import screen meanwhile: the snackbar is all there is to tell the import finished.
      if (!isMounted.current) notify('success', notice);
      else startTransition(() => setStage({ step: 'report', batchId: result.batchId, report, notice, prepared: { ...prepared, resumeOf: undefined } }));
    } catch (caught) {
      const isCancel = abort.signal.aborted;
      notify(isCancel ? 'info' : 'error', ({ t }) => (isCancel ? t('import.run.cancelled') : t('import.run.failed', { message: importErrorText(caught, t) })));
      setStage({ step: 'preview', prepared });
    }
  }, [workspaceId, timeZone, notify, setParams]);

  // The snackbar comes after the report is committed, in a task of its own: its entrance forces
  // a layout, which in the same task as swapping the progress overlay for the report made one
  // long main-thread task.
  const reportNotice = stage.step === 'report' ? stage.notice : undefined;
  useEffect(() => {
    if (reportNotice) notify('success', reportNotice);
  }, [reportNotice, notify]);

  // One click: the import just made is undone and the same file imported again, far dates rejected.
  const rejectFarDatesAndRun = useCallback(async (prepared: Prepared, batchId: string) => {
    if (!workspaceId) return;
    try {
      await engineWorker('import').call('undo', { workspaceId, batchId });
    } catch (caught) {
      notify('error', t('import.run.failed', { message: importErrorText(caught, t) }));
      return;
    }
    await run({ ...prepared, choices: { ...prepared.choices, farDates: 'reject' } });
  }, [workspaceId, run, notify, t]);

  const onChoices = useCallback((prepared: Prepared, choices: ReadChoices) => void inspect(prepared.file, choices, prepared.resumeOf), [inspect]);
  // (While an import runs the page is covered, so these are not reached then.)
  const onMapping = useCallback((mapping: ColumnMapping) => setStage((current) => (current.step === 'preview' ? { step: 'preview', prepared: { ...current.prepared, mapping } } : current)), []);
  const onRun = useCallback((prepared: Prepared) => void run(prepared), [run]);
  const onOther = useCallback(() => setStage({ step: 'choose' }), []);

  if (!workspace) return null;
  const resumeStored = resumeBatch?.report as StoredImport | undefined;
  const reportPrepared = stage.step === 'report' ? stage.prepared : undefined;
  return (
    <Stack spacing={2}>
      <SubPageHeader backTo="/data" backLabel={t('import.back')} title={t('import.title')} subtitle={t('import.subtitle')} />
      {error && (
        <Alert severity="error" data-testid="import-error" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {(stage.step === 'choose' || stage.step === 'inspecting') && (
        <>
          {resumeStored && <Alert severity="info">{t('import.resume.help', { size: format.bytes(resumeStored.file.size) })}</Alert>}
          <FileDropZone onFile={chooseFile} isBusy={stage.step === 'inspecting'} title={resumeStored ? t('import.resume.title', { file: resumeStored.file.name }) : undefined} />
          {stage.step === 'inspecting' && <Typography variant="body2">{t('import.drop.reading', { name: stage.file.name })}</Typography>}
        </>
      )}
      {(stage.step === 'preview' || stage.step === 'running') && (
        <PreparedView prepared={stage.prepared} onChoices={onChoices} onMapping={onMapping} onRun={onRun} onOther={onOther} />
      )}
      {stage.step === 'running' && (
        // A fixed layer over the page: the settings below stay as they are (re-styling or re-laying
        // out that big table at the click was the one long main-thread task of an import). A plain
        // box, not a Backdrop: the Backdrop's fade-in forces a layout of the whole page at the click.
        <Box role="presentation" data-testid="import-overlay" sx={{ position: 'fixed', inset: 0, zIndex: (theme) => theme.zIndex.drawer + 2, bgcolor: 'rgba(255, 255, 255, 0.55)', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', pt: 16 }}>
          <Box sx={{ width: 'min(720px, 92vw)' }}>
            <ImportProgressPanel running={stage.running} onCancel={() => controller.current?.abort()} />
          </Box>
        </Box>
      )}
      {stage.step === 'report' && (
        <>
          <ImportReportView batch={reportBatch} report={stage.report} onRejectFarDates={reportPrepared ? () => void rejectFarDatesAndRun(reportPrepared, stage.batchId) : undefined} />
          <Stack direction="row" spacing={2}>
            <Button variant="contained" component={RouterLink} to="/data">
              {t('import.report.toData')}
            </Button>
            <Button onClick={() => setStage({ step: 'choose' })}>{t('import.report.another')}</Button>
          </Stack>
        </>
      )}
      <ImportHistory
        workspace={workspace}
        isPaused={stage.step === 'running'}
        onShowReport={(batch) => {
          const stored = batch.report as StoredImport | undefined;
          if (stored?.report) setStage({ step: 'report', batchId: batch.id, report: stored.report });
        }}
        onResume={(batch) => {
          setParams({ resume: batch.id });
          setStage({ step: 'choose' });
        }}
      />
    </Stack>
  );
}
