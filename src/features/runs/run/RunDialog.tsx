import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, Stack, Switch, TextField, Typography } from '@mui/material';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase, saveChain } from '../../../db';
import { CHAIN_FORMAT_VERSION, type Chain } from '../../../domain/chains';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { DateField } from '../../../ui/DateField';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { useChainEditor } from '../../chains/canvas/editorStore';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { AssumptionsTable, parseRatePercent, RATE_NAMES, rateKey, type RateDrafts } from './AssumptionsTable';
import { blockedChains, initialRunForm, isWaitingForReach, messageAssumptions, runFormProblems, runFormWith, runSettings, withResponseRates, type RunForm, type RunFormField, type RunFormProblem } from './runForm';
import { useRunJob } from './runJobStore';
import { RunJobStatus } from './RunProgress';
import { RunStylesWarmUp } from './RunStylesWarmUp';
import { useRunSetup } from './useRunSetup';

export interface RunDialogProps {
  open: boolean;
  /** the chains to run together, in this order */
  chains: readonly Chain[];
  onClose(): void;
  /** called once the run is saved (the canvas shows its counts) */
  onFinished?(record: SimulationRunRecord): void;
}

/** The chains with the typed rates applied; null when a typed rate is not a percentage. */
function chainsWithDrafts(chains: readonly Chain[], drafts: RateDrafts): Chain[] | null {
  const rows = messageAssumptions(chains);
  const result = chains.map((chain) => chain);
  for (const row of rows) {
    const typed = RATE_NAMES.filter((rate) => drafts[rateKey(row, rate)] !== undefined);
    if (!typed.length || !row.rates) continue;
    const rates = { ...row.rates };
    for (const rate of typed) {
      const value = parseRatePercent(drafts[rateKey(row, rate)]!);
      if (value === null) return null;
      rates[rate] = value;
    }
    const index = result.findIndex((chain) => chain.id === row.chainId);
    result[index] = withResponseRates(result[index]!, row.nodeId, rates);
  }
  return result;
}

/** Saves chains whose assumptions were edited: through the editor when the chain is open there (undoable), else to storage. */
async function saveEditedChains(before: readonly Chain[], after: readonly Chain[]): Promise<void> {
  for (const [index, chain] of after.entries()) {
    if (chain === before[index]) continue;
    const editor = useChainEditor.getState();
    if (editor.content?.id === chain.id) editor.editContent({ ...editor.content, nodes: editor.content.nodes.map((node) => chain.nodes.find((item) => item.id === node.id) ?? node) });
    else await saveChain(getDatabase(), chain);
  }
}

function FieldError({ problems, field }: { problems: readonly RunFormProblem[]; field: RunFormField }) {
  const { t } = useTranslation();
  const problem = problems.find((item) => item.field === field);
  return problem ? <>{t(`runCanvas.form.${problem.key}`, problem.params)}</> : null;
}

/**
 * "Run" on one chain or several together: period (default: the last 90 days of the data), seed,
 * "everyone reachable" (on by default for data without contacts, and said so), the projection
 * with its assumptions visible and editable. Chains with errors do not start: the dialog says
 * which and why. While the run goes the dialog shows its progress with Cancel and may be closed;
 * the run continues in its worker (the corner panel shows it).
 */
function RunDialogView({ open, chains, onClose, onFinished }: RunDialogProps) {
  const { t } = useTranslation();
  useEffect(() => {
    useRunJob.getState().setDialogOpen(open);
    return () => useRunJob.getState().setDialogOpen(false);
  }, [open]);
  // Closing the dialog on a run that ended: the user has read how it went, the corner panel need not repeat it.
  const close = () => {
    if (useRunJob.getState().job?.status !== 'running') useRunJob.getState().dismiss();
    onClose();
  };
  // The body mounts afresh on every opening: a new form from the workspace's defaults.
  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="run-dialog-title" data-testid="run-dialog">
      <DialogTitle id="run-dialog-title">{t('runCanvas.dialog.title', { count: chains.length })}</DialogTitle>
      {open && <RunDialogBody chains={chains} onClose={close} onFinished={onFinished} />}
    </Dialog>
  );
}

/** Memoised: the canvas bar above it re-renders as a run ends and its counts arrive; the open form need not. */
export const RunDialog = memo(RunDialogView);

/** The started run's progress and outcome, subscribed to the job on its own. */
function StartedJobStatus({ jobId, onOpenResults }: { jobId: number; onOpenResults(): void }) {
  const job = useRunJob((state) => state.job);
  return job?.id === jobId ? <RunJobStatus job={job} onOpenResults={onOpenResults} /> : null;
}

interface RunFormFieldsProps {
  form: RunForm;
  period: { from: string; to: string };
  eventsOutside: number;
  reachable: number | null;
  isReachPending: boolean;
  customers: number;
  problems: readonly RunFormProblem[];
  assumptions: ReturnType<typeof messageAssumptions>;
  drafts: RateDrafts;
  isLocked: boolean;
  onUpdate(change: Partial<RunForm>): void;
  onDraft(key: string, text: string): void;
}

interface PeriodFieldsProps {
  from: string | null;
  to: string | null;
  seed: string;
  /** the last day of the data */
  dataTo: string;
  eventsOutside: number;
  problems: readonly RunFormProblem[];
  onUpdate(change: Partial<RunForm>): void;
}

/**
 * Period and seed, memoised on their own values: MUI's date fields re-sync the text selection on
 * every render — a forced layout of the whole page, canvas included, 40+ ms per render in the
 * profile of issue 14 — so they must not re-render when the form locks as the run starts, while
 * it goes or when it ends.
 */
const PeriodFields = memo(function PeriodFields({ from, to, seed, dataTo, eventsOutside, problems, onUpdate: update }: PeriodFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
          <Box>
            <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>{t('runCanvas.dialog.period')}</Typography>
            <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <DateField label={t('runCanvas.dialog.from')} value={from} onChange={(value) => update({ from: value })} testId="run-from" error={problems.some((item) => item.field === 'from')} helperText={<FieldError problems={problems} field="from" />} />
              <DateField label={t('runCanvas.dialog.to')} value={to} onChange={(value) => update({ to: value })} testId="run-to" error={problems.some((item) => item.field === 'to')} helperText={<FieldError problems={problems} field="to" />} />
              <TextField
                size="small"
                label={t('runCanvas.dialog.seed')}
                value={seed}
                onChange={(event) => update({ seed: event.target.value })}
                error={problems.some((item) => item.field === 'seed')}
                helperText={<FieldError problems={problems} field="seed" />}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'run-seed' } }}
                sx={{ width: 160 }}
              />
            </Stack>
            <Typography variant="caption" color="text.secondary" component="p">
              {t('runCanvas.dialog.periodHelp')} {t('runCanvas.dialog.periodOfData', { date: format.calendarDate(dataTo) })} {t('runCanvas.dialog.seedHelp')}
            </Typography>
            {eventsOutside > 0 && (
              <Typography variant="caption" color="text.secondary" component="p" data-testid="run-period-outliers">
                {t('runCanvas.dialog.periodOutliers', { count: eventsOutside })}
              </Typography>
            )}
          </Box>
  );
});

/**
 * The form: period, seed, reach and projection. Memoised on its own values: while the run goes
 * and when it ends (the canvas gets its counts) the dialog re-renders; the period fields are
 * memoised apart, as locking the form (the assumptions table) must not re-render them.
 */
const RunFormFields = memo(function RunFormFields({ form, period, eventsOutside, reachable, isReachPending, customers, problems: shownProblems, assumptions, drafts, isLocked, onUpdate: update, onDraft }: RunFormFieldsProps) {
  const { t } = useTranslation();
  const hasNoContacts = reachable === 0;
  return (
    <>
          <PeriodFields from={form.from} to={form.to} seed={form.seed} dataTo={period.to} eventsOutside={eventsOutside} problems={shownProblems} onUpdate={update} />
          <Box>
            <FormControlLabel control={<Switch checked={form.assumeReachable} onChange={(event) => update({ assumeReachable: event.target.checked })} slotProps={{ input: { 'data-testid': 'run-reachable' } as object }} />} label={t('runCanvas.dialog.reachable')} />
            <Typography variant="caption" color="text.secondary" component="p">{t('runCanvas.dialog.reachableHelp')}</Typography>
            {hasNoContacts && <Alert severity="info" sx={{ mt: 1 }} data-testid="run-no-contacts">{t('runCanvas.dialog.noContacts')}</Alert>}
            {isReachPending && <Typography variant="caption" color="text.secondary" component="p" data-testid="run-reach-pending">{t('runCanvas.dialog.reachPending')}</Typography>}
            {!hasNoContacts && reachable !== null && <Typography variant="caption" color="text.secondary" component="p">{t('runCanvas.dialog.someContacts', { reachable, customers })}</Typography>}
          </Box>
          <Box>
            <FormControlLabel control={<Switch checked={form.projection} onChange={(event) => update({ projection: event.target.checked })} slotProps={{ input: { 'data-testid': 'run-projection' } as object }} />} label={t('runCanvas.dialog.projection')} />
            <Typography variant="caption" color="text.secondary" component="p">{t('runCanvas.dialog.projectionHelp')}</Typography>
            {form.projection && (
              <Stack spacing={1} sx={{ mt: 1 }} data-testid="run-projection-assumptions">
                <Typography variant="subtitle2" component="h3">{t('runCanvas.dialog.assumptions')}</Typography>
                <Typography variant="body2" color="text.secondary">{t('runCanvas.dialog.assumptionsHelp')}</Typography>
                {assumptions.length ? <AssumptionsTable rows={assumptions} drafts={drafts} isDisabled={isLocked} onChange={onDraft} /> : <Alert severity="info">{t('runCanvas.dialog.noMessages')}</Alert>}
                <TextField
                  size="small"
                  label={t('runCanvas.dialog.margin')}
                  value={form.marginPercent}
                  onChange={(event) => update({ marginPercent: event.target.value })}
                  error={shownProblems.some((item) => item.field === 'marginPercent')}
                  helperText={shownProblems.some((item) => item.field === 'marginPercent') ? <FieldError problems={shownProblems} field="marginPercent" /> : t('runCanvas.dialog.marginHelp')}
                  slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'run-margin' } }}
                  sx={{ maxWidth: 320 }}
                />
              </Stack>
            )}
          </Box>
    </>
  );
});

function RunDialogBody({ chains, onClose, onFinished }: Omit<RunDialogProps, 'open'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const workspace = useActiveWorkspace();
  const { setup, error } = useRunSetup(workspace);
  // Only the job's id and status here: progress messages re-render StartedJobStatus alone, not
  // the form, whose MUI date fields re-sync the text selection (a forced layout of the whole page,
  // canvas included) on every render — 100+ ms tasks during a run.
  const jobId = useRunJob((state) => state.job?.id);
  const jobStatus = useRunJob((state) => state.job?.status);
  // The user's changes over the defaults (all of the form once the run starts: runFormWith).
  const [changes, setChanges] = useState<Partial<RunForm>>({});
  const [drafts, setDrafts] = useState<RateDrafts>({});
  const [isTouched, setTouched] = useState(false);
  const [startedId, setStartedId] = useState<number | null>(null);
  const hasNoContacts = setup?.reachable === 0;
  const period = setup?.period;
  const initialForm = useMemo(() => (period !== undefined ? initialRunForm(period, hasNoContacts) : null), [period, hasNoContacts]);
  const form = useMemo(() => runFormWith(initialForm, changes), [initialForm, changes]);
  const blocked = useMemo(() => blockedChains(chains), [chains]);
  const assumptions = useMemo(() => messageAssumptions(chains), [chains]);
  // The same array while the problems are the same: the memoised period fields (MUI date fields
  // force a layout on every render) then keep still when the defaults change under the form — the
  // contacts scan answering during the first run after an import (a 117 ms task in the profile).
  const problemsKey = JSON.stringify(form ? runFormProblems(form) : []);
  const problems = useMemo(() => JSON.parse(problemsKey) as RunFormProblem[], [problemsKey]);
  const editedChains = useMemo(() => chainsWithDrafts(chains, drafts), [chains, drafts]);
  const isJobShown = jobId !== undefined && jobId === startedId;
  const shownStatus = isJobShown ? jobStatus : undefined;
  const isOtherRunning = jobStatus === 'running' && !isJobShown;
  const isRunning = shownStatus === 'running';
  const isWaitingForContacts = isWaitingForReach(setup?.isReachPending ?? false, changes);
  const canStart = Boolean(form && setup?.period && !problems.length && !blocked.length && editedChains && !isRunning && !isOtherRunning && !isWaitingForContacts);

  async function start(): Promise<void> {
    setTouched(true);
    if (!form || !setup || !canStart || !editedChains || !workspace) return;
    // The run's settings stay on screen whatever the defaults do next.
    setChanges(form);
    await saveEditedChains(chains, editedChains);
    const request = { workspaceId: workspace.id, chains: editedChains.map((chain) => ({ chain, chainVersion: CHAIN_FORMAT_VERSION, savedVersionId: null })), settings: runSettings(form, setup.settings) };
    const runJob = useRunJob.getState();
    void runJob.start(request, onFinished);
    setStartedId(useRunJob.getState().job?.id ?? null);
  }

  // Stable: the memoised fields do not re-render when the defaults change.
  const update = useCallback((change: Partial<RunForm>) => setChanges((current) => ({ ...current, ...change })), []);
  const draft = useCallback((key: string, text: string) => setDrafts((current) => ({ ...current, [key]: text })), []);
  // The same array while nothing is held back: a click on Run (touched) then does not re-render the fields.
  const shownProblems = useMemo(() => {
    const shown = isTouched ? problems : problems.filter((problem) => problem.key !== 'fromMissing' && problem.key !== 'toMissing');
    return shown.length === problems.length ? problems : shown;
  }, [isTouched, problems]);
  const isLocked = isRunning || shownStatus === 'done';
  return (
    <>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">{t('runCanvas.dialog.intro')}</Typography>
          <Box>
            <Typography variant="subtitle2" component="h3">{t('runCanvas.dialog.chains')}</Typography>
            <Typography data-testid="run-chains" data-value>{chains.map((chain) => chain.name).join(', ')}</Typography>
            {chains.length > 1 && <Typography variant="body2" color="text.secondary">{t('runCanvas.dialog.together')}</Typography>}
          </Box>
          {blocked.length > 0 && (
            <Alert severity="error" data-testid="run-blocked">
              {t('runCanvas.dialog.blocked', { count: blocked.length })}
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {blocked.map((chain) => <li key={chain.chainId}>{t('runCanvas.dialog.blockedChain', { name: chain.name, errors: chain.errors.map((item) => item[language]).join('; ') })}</li>)}
              </Box>
              {t('runCanvas.dialog.fixFirst')}
            </Alert>
          )}
          {error !== undefined && <Alert severity="error">{errorMessage(error, t)}</Alert>}
          {!form || !setup ? (
            error === undefined && <LinearProgress aria-label={t('runCanvas.dialog.loading')} />
          ) : !setup.period ? (
            <Alert severity="warning" data-testid="run-no-data">
              {setup.eventsOutside > 0 ? t('runCanvas.dialog.noPlausibleData', { count: setup.eventsOutside }) : t('runCanvas.dialog.noData')}
            </Alert>
          ) : (
            <RunFormFields form={form} period={setup.period} eventsOutside={setup.eventsOutside} reachable={setup.reachable} isReachPending={setup.isReachPending} customers={setup.customers} problems={shownProblems} assumptions={assumptions} drafts={drafts} isLocked={isLocked} onUpdate={update} onDraft={draft} />
          )}
          {isOtherRunning && <Alert severity="warning">{t('runCanvas.progress.busy')}</Alert>}
          {isJobShown && <StartedJobStatus jobId={jobId} onOpenResults={onClose} />}
        </Stack>
        <RunStylesWarmUp />
      </DialogContent>
      <DialogActions>
        {isRunning ? (
          <Button onClick={onClose} data-testid="run-hide">{t('runCanvas.dialog.hide')}</Button>
        ) : (
          <>
            <Button onClick={onClose} data-testid="run-close">{isJobShown ? t('runCanvas.dialog.close') : t('runCanvas.dialog.cancel')}</Button>
            {shownStatus !== 'done' && <Button variant="contained" onClick={() => void start()} disabled={(!canStart && isTouched) || isWaitingForContacts} data-testid="run-start">{t('runCanvas.dialog.start')}</Button>}
          </>
        )}
      </DialogActions>
    </>
  );
}
