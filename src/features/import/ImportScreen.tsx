import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { getDatabase } from '../../db';
import type { StoredImport } from '../../db/repositories/importRepository';
import { mappingFromNames, type ColumnMapping, type CsvKind, type ImportBatch, type ImportPreview, type ImportReport } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { formatBytes, formatInteger } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import { importWorker } from '../../workers/importWorkerClient';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { FileDropZone } from './FileDropZone';
import { ImportHistory } from './ImportHistory';
import { ImportProgressPanel, type RunningImport } from './ImportProgressPanel';
import { ImportReportView } from './ImportReportView';
import { importErrorText } from './importErrors';
import { mappingForKind, missingGroups } from './importModel';
import { MappingTable } from './MappingTable';
import { PresetBar } from './PresetBar';
import { ReadSettingsPanel, type ReadChoices } from './ReadSettingsPanel';

interface Prepared {
  file: File;
  preview: ImportPreview;
  choices: ReadChoices;
  mapping: ColumnMapping;
  resumeOf?: ImportBatch;
}

type Stage =
  | { step: 'choose' }
  | { step: 'inspecting'; file: File }
  | ({ step: 'preview' } & Prepared)
  | ({ step: 'running'; running: RunningImport } & Prepared)
  | { step: 'report'; batchId: string; report: ImportReport };

function choicesOf(stored: StoredImport): ReadChoices {
  const { kind, encoding, delimiter, hasHeader, dateFormat } = stored.settings;
  return { kind, encoding, delimiter, hasHeader, dateFormat };
}

/** Data → Import: choose a file, check how it is read and mapped, import it, read the report. */
export function ImportScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const workspace = useActiveWorkspace();
  const notify = useAppStore((state) => state.notify);
  const [params, setParams] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const resumeId = params.get('resume');
  const resumeBatch = useLiveQuery(() => (resumeId ? getDatabase().importBatches.get(resumeId) : undefined), [resumeId]);
  const reportBatch = useLiveQuery(() => (stage.step === 'report' ? getDatabase().importBatches.get(stage.batchId) : undefined), [stage.step === 'report' ? stage.batchId : '']);

  async function inspect(file: File, choices: ReadChoices, resumeOf?: ImportBatch, keepMapping?: ColumnMapping) {
    setError(undefined);
    setStage({ step: 'inspecting', file });
    try {
      const preview = await importWorker().call('inspect', { file, choices: { ...choices, timeZone: workspace!.timeZone } });
      const stored = resumeOf?.report as StoredImport | undefined;
      const mapping = stored ? mappingFromNames(stored.settings.mapping, preview.columns.map((column) => column.name)) : (keepMapping ?? preview.mapping);
      setStage({ step: 'preview', file, preview, choices, mapping: mappingForKind(mapping, preview.kind), resumeOf });
    } catch (caught) {
      setError(importErrorText(caught, t));
      setStage({ step: 'choose' });
    }
  }

  function chooseFile(file: File) {
    const stored = resumeBatch?.report as StoredImport | undefined;
    if (resumeBatch && stored) {
      if (file.name !== stored.file.name || file.size !== stored.file.size) {
        setError(t('import.resume.wrongFile', { file: stored.file.name, size: formatBytes(stored.file.size, language) }));
        return;
      }
      void inspect(file, choicesOf(stored), resumeBatch);
      return;
    }
    void inspect(file, {});
  }

  async function run(prepared: Prepared) {
    if (!workspace) return;
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    setStage({ ...prepared, step: 'running', running: { fileName: prepared.file.name, startedAt, done: 0, total: prepared.preview.estimatedRows, phase: 'read' } });
    try {
      if (prepared.resumeOf) await importWorker().call('remove', { workspaceId: workspace.id, batchId: prepared.resumeOf.id });
      const result = await importWorker().call(
        'run',
        { workspaceId: workspace.id, file: prepared.file, choices: { ...prepared.choices, kind: prepared.preview.kind, timeZone: workspace.timeZone, mapping: prepared.mapping } },
        {
          signal: abort.signal,
          onProgress: (progress) => setStage((current) => (current.step === 'running' ? { ...current, running: { ...current.running, done: progress.done, total: progress.total, phase: progress.phase ?? 'read' } } : current)),
        },
      );
      const { report } = result;
      notify('success', t('import.report.done', { file: prepared.file.name, accepted: formatInteger(report.accepted, language), merged: formatInteger(report.merged, language), rejected: formatInteger(report.rejected, language) }));
      if (prepared.resumeOf) setParams({});
      setStage({ step: 'report', batchId: result.batchId, report });
    } catch (caught) {
      const isCancel = abort.signal.aborted;
      notify(isCancel ? 'info' : 'error', isCancel ? t('import.run.cancelled') : t('import.run.failed', { message: importErrorText(caught, t) }));
      setStage({ ...prepared, step: 'preview' });
    }
  }

  if (!workspace) return null;
  const resumeStored = resumeBatch?.report as StoredImport | undefined;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button component={RouterLink} to="/data" startIcon={<ArrowBackIcon />} color="inherit">
          {t('import.back')}
        </Button>
        <Typography variant="h5" component="h1">
          {t('import.title')}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('import.subtitle')}
      </Typography>
      {error && (
        <Alert severity="error" data-testid="import-error" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {(stage.step === 'choose' || stage.step === 'inspecting') && (
        <>
          {resumeStored && <Alert severity="info">{t('import.resume.help', { size: formatBytes(resumeStored.file.size, language) })}</Alert>}
          <FileDropZone onFile={chooseFile} isBusy={stage.step === 'inspecting'} title={resumeStored ? t('import.resume.title', { file: resumeStored.file.name }) : undefined} />
          {stage.step === 'inspecting' && <Typography variant="body2">{t('import.drop.reading', { name: stage.file.name })}</Typography>}
        </>
      )}
      {(stage.step === 'preview' || stage.step === 'running') && (
        <PreparedView
          prepared={stage}
          isRunning={stage.step === 'running'}
          onChoices={(choices) => void inspect(stage.file, choices, stage.resumeOf)}
          onMapping={(mapping) => setStage({ ...stage, mapping })}
          onRun={() => void run(stage)}
          onOther={() => setStage({ step: 'choose' })}
        />
      )}
      {stage.step === 'running' && <ImportProgressPanel running={stage.running} onCancel={() => controller.current?.abort()} />}
      {stage.step === 'report' && (
        <>
          <ImportReportView batch={reportBatch} report={stage.report} />
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

function PreparedView({ prepared, isRunning, onChoices, onMapping, onRun, onOther }: { prepared: Prepared; isRunning: boolean; onChoices: (choices: ReadChoices) => void; onMapping: (mapping: ColumnMapping) => void; onRun: () => void; onOther: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { file, preview, choices, mapping } = prepared;
  const kind: CsvKind = preview.kind;
  const isComplete = missingGroups(kind, mapping).length === 0;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" data-testid="import-file">
          {t('import.file', { name: file.name, size: formatBytes(file.size, language), rows: formatInteger(preview.estimatedRows, language) })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onOther} disabled={isRunning}>
          {t('import.drop.other')}
        </Button>
      </Stack>
      <ReadSettingsPanel preview={preview} choices={choices} onChange={onChoices} disabled={isRunning} />
      <PresetBar preview={preview} kind={kind} mapping={mapping} onApply={onMapping} />
      <MappingTable preview={preview} kind={kind} mapping={mapping} onChange={onMapping} disabled={isRunning} />
      {!isRunning && (
        <Stack direction="row">
          <Button variant="contained" size="large" disabled={!isComplete} onClick={onRun} data-testid="import-run">
            {t('import.run.startRows', { rows: formatInteger(preview.estimatedRows, language) })}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
