import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Chain } from '../../../domain/chains';
import { buildWhatIfVariants, currentWhatIfValue, MAX_WHAT_IF_VALUES, variantTable, whatIfSettingsOf, CHAIN_WHAT_IF_SETTINGS, type RunsText, type WhatIfTarget } from '../../../domain/runs';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { BusyBar } from '../../../ui/ProgressBars';
import { engineWorker } from '../../../workers/engineClient';
import { useEngineCall } from '../../../workers/useEngineCall';
import { baseRunOf, reportOf, runWhatIfVariants, type VariantRun, type WhatIfRunner } from './runWhatIf';
import { readWhatIfValue, whatIfValueText, type WhatIfSetting } from './whatIfValues';
import { WhatIfTable } from './WhatIfTable';
import { trackedJob } from '../../interruptedJobs/trackedJob';

function targetOf(nodeId: string | null, setting: WhatIfSetting): WhatIfTarget {
  return nodeId === null ? { scope: 'chain', setting: setting as (typeof CHAIN_WHAT_IF_SETTINGS)[number] } : { scope: 'node', nodeId, setting: setting as Exclude<WhatIfSetting, (typeof CHAIN_WHAT_IF_SETTINGS)[number]> };
}

/** A domain text in the screen's language (`runs.whatIf.valueInvalid` carries a reason key of its own). */
function runsTextOf(t: TFunction, text: RunsText): string {
  const params = { ...text.params };
  if (typeof params.reason === 'string') params.reason = t(`runs.whatIf.value.${params.reason}`);
  return t(text.key, params);
}

function useBaseRun(workspaceId: string, chainId: string) {
  const list = useEngineCall('simulate', 'listRuns', { workspaceId });
  const baseId = list.value ? baseRunOf(list.value, chainId) : null;
  const base = useEngineCall('simulate', 'loadRun', baseId ? { workspaceId, runId: baseId } : null);
  return { isLoading: list.isLoading || base.isLoading, error: list.error ?? base.error, record: baseId && base.isCurrent ? base.value : null, hasNone: list.isCurrent && !baseId };
}

type Job = { status: 'idle' } | { status: 'running'; variant: number; of: number; share: number | null } | { status: 'done' | 'cancelled'; runs: VariantRun[] } | { status: 'failed'; error: unknown; runs: VariantRun[] };

function ValueFields({ setting, texts, problems, onChange }: { setting: WhatIfSetting; texts: string[]; problems: (string | null)[]; onChange(texts: string[]): void }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1}>
      {texts.map((text, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            fullWidth
            label={t('runWhatIf.value', { position: index + 1 })}
            value={text}
            error={Boolean(problems[index])}
            helperText={problems[index] ?? (index === 0 ? t(`runWhatIf.hint.${setting}`) : ' ')}
            onChange={(event) => onChange(texts.map((item, position) => (position === index ? event.target.value : item)))}
            slotProps={{ htmlInput: { 'data-testid': `what-if-value-${index + 1}` } }}
          />
          <IconButton aria-label={t('runWhatIf.removeValue', { position: index + 1 })} disabled={texts.length <= 2} onClick={() => onChange(texts.filter((_, position) => position !== index))}><DeleteIcon /></IconButton>
        </Stack>
      ))}
      <Box><Button disabled={texts.length >= MAX_WHAT_IF_VALUES} onClick={() => onChange([...texts, ''])}>{t('runWhatIf.addValue')}</Button></Box>
    </Stack>
  );
}

/** What-if on a node's setting (nodeId) or the chain's settings (nodeId null): 2–5 values, each run as a variant of the chain's latest run, one table. */
export function WhatIfDialog({ workspaceId, chain, nodeId, onClose }: { workspaceId: string; chain: Chain; nodeId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const node = nodeId === null ? null : chain.nodes.find((item) => item.id === nodeId) ?? null;
  const settings: readonly WhatIfSetting[] = node ? whatIfSettingsOf(node) : CHAIN_WHAT_IF_SETTINGS;
  const [setting, setSetting] = useState<WhatIfSetting>(settings[0]!);
  const current = whatIfValueText(setting, currentWhatIfValue(chain, targetOf(nodeId, setting)));
  const [texts, setTexts] = useState<string[]>(['', '', '']);
  const [isChecked, setChecked] = useState(false);
  const [job, setJob] = useState<Job>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const base = useBaseRun(workspaceId, chain.id);
  const readings = useMemo(() => texts.map((text) => readWhatIfValue(setting, text)), [setting, texts]);
  const built = useMemo(() => (readings.every((reading) => reading.ok) ? buildWhatIfVariants(chain, { target: targetOf(nodeId, setting), values: readings.map((reading) => (reading.ok ? reading.value : null)) }) : null), [chain, nodeId, setting, readings]);
  const problems = readings.map((reading, index) => {
    if (!reading.ok) return isChecked || texts[index] ? t(`runWhatIf.problem.${reading.problem}`) : null;
    const variant = built?.ok ? built.variants[index] : undefined;
    return variant && !variant.isRunnable ? runsTextOf(t, variant.problem) : null;
  });
  const settingName = t(`runs.setting.${setting}`);
  const isRunning = job.status === 'running';

  async function run(): Promise<void> {
    setChecked(true);
    if (!base.record || !built?.ok || problems.some(Boolean)) return;
    const record: SimulationRunRecord = base.record;
    const variants = built.variants.flatMap((variant) => (variant.isRunnable ? [{ ...variant, name: t('runWhatIf.runName', { chain: chain.name, setting: settingName, value: texts[variant.index]!.trim() }) }] : []));
    const abort = new AbortController();
    controller.current = abort;
    const done: VariantRun[] = [];
    setJob({ status: 'running', variant: 1, of: variants.length, share: null });
    try {
      const runner: WhatIfRunner = {
        simulate: (request, options) => trackedJob({ kind: 'run', label: request.name ?? chain.name, workspaceId: request.workspaceId }, () => engineWorker('simulate').call('simulate', request, options)),
      };
      const runs = await runWhatIfVariants(runner, record, chain.id, variants, abort.signal, (variant, of, progress) => setJob({ status: 'running', variant, of, share: progress && progress.total ? progress.done / progress.total : null }), done);
      setJob({ status: 'done', runs });
    } catch (error) {
      setJob(abort.signal.aborted ? { status: 'cancelled', runs: done } : { status: 'failed', error, runs: done });
    }
  }

  const rows = useMemo(() => {
    const finished = job.status === 'done' || job.status === 'cancelled' || job.status === 'failed' ? job.runs : [];
    const table = variantTable(finished.map((item) => reportOf(item.record)));
    return finished.map((item, position) => ({ label: texts[item.variantIndex]?.trim() ?? '', runId: item.record.id, row: table[position]! }));
  }, [job, texts]);

  return (
    <Dialog open onClose={isRunning ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="what-if-title">
      <DialogTitle id="what-if-title">{t('runWhatIf.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {base.isLoading && <BusyBar label={t('runWhatIf.loadingBase')} />}
          {base.error !== undefined && <Alert severity="error">{errorMessage(base.error, t)}</Alert>}
          {base.hasNone && <Alert severity="info" data-testid="what-if-no-base">{t('runWhatIf.noBaseRun')}</Alert>}
          {base.record && <Typography variant="body2" color="text.secondary">{t('runWhatIf.intro', { run: base.record.name, from: format.calendarDate(base.record.inputs.settings.from), to: format.calendarDate(base.record.inputs.settings.to), seed: base.record.inputs.settings.seed })}</Typography>}
          <TextField select size="small" label={t('runWhatIf.setting')} value={setting} disabled={isRunning} onChange={(event) => setSetting(event.target.value as WhatIfSetting)} helperText={current ? t('runWhatIf.current', { value: current }) : ' '} slotProps={{ htmlInput: { 'data-testid': 'what-if-setting' } }}>
            {settings.map((item) => <MenuItem key={item} value={item}>{t(`runs.setting.${item}`)}</MenuItem>)}
          </TextField>
          <ValueFields setting={setting} texts={texts} problems={problems} onChange={setTexts} />
          {isChecked && built && !built.ok && <Alert severity="error">{runsTextOf(t, built.problem)}</Alert>}
          {isRunning && (
            <Box role="status">
              <Typography variant="body2">{t('runWhatIf.progress', { variant: job.variant, of: job.of })}</Typography>
              <LinearProgress variant={job.share === null ? 'indeterminate' : 'determinate'} value={(job.share ?? 0) * 100} aria-label={t('runWhatIf.progress', { variant: job.variant, of: job.of })} />
            </Box>
          )}
          {job.status === 'cancelled' && <Alert severity="info">{t('runWhatIf.cancelled')}</Alert>}
          {job.status === 'failed' && <Alert severity="error">{errorMessage(job.error, t)}</Alert>}
          {rows.length > 0 && <WhatIfTable rows={rows} settingName={settingName} format={format} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {isRunning ? (
          <Button onClick={() => controller.current?.abort()}>{t('runWhatIf.cancel')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('runWhatIf.close')}</Button>
            <Button variant="contained" disabled={!base.record} onClick={() => void run()} data-testid="what-if-run">{t('runWhatIf.run', { count: texts.length })}</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
