import { Autocomplete, Divider, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, settingsSchema } from '../../../domain/chains/schemaParts';
import { RE_ENTRY_MODES, type Chain, type ChainSettings } from '../../../domain/chains/types';
import type { NameResolver } from '../../../domain/conditions/names';
import { schemaProblemAt } from '../../../ui/fieldProblems';
import { NumberField } from '../../../ui/NumberField';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder, relativeIssues, type PlacedIssue } from '../../conditions/conditionEdit';
import { KeySelect } from '../../conditions/ConditionFields';
import { EventMatchEditor } from '../../conditions/EventMatchEditor';
import { NamePicker } from '../../conditions/NamePickers';
import { stageOptions } from '../../conditions/options';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';
import { Section, TimeField } from './FormParts';

export interface ChainSettingsFormProps {
  chain: Chain;
  onChange(next: Chain, options?: { coalesceKey?: string }): void;
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  /** findings about the chain and its settings, paths relative to the chain (`settings.goal.event.types`) */
  issues: readonly PlacedIssue[];
  workspaceTimeZone: string;
  testId: string;
}

/** Every IANA zone the browser knows, for the time zone picker. */
function timeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/**
 * The chain's description: a plain textarea of fixed rows that the user can drag taller. Not
 * MUI's multiline field, whose auto-sizing textarea reads the page's layout after each render
 * of the form: while a large chain's canvas was being built, each piece of the workspace's
 * vocabulary arriving re-rendered the form and forced a full layout of the canvas.
 */
function DescriptionField({ label, value, onChange, testId }: { label: string; value: string; onChange(next: string): void; testId: string }) {
  return (
    <TextField
      size="small"
      multiline
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ '& textarea': { resize: 'vertical' } }}
      slotProps={{ input: { inputComponent: 'textarea' }, htmlInput: { rows: 3, type: undefined, maxLength: MAX_TEXT_LENGTH, 'data-testid': testId } }}
    />
  );
}

/** The settings and identity of the chain: shown when no node is selected. */
export function ChainSettingsForm({ chain, onChange, vocabulary, names, issues, workspaceTimeZone, testId }: ChainSettingsFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = chain.settings;
  const zones = useMemo(() => timeZones(), []);
  const set = (next: ChainSettings, coalesceKey?: string) => onChange({ ...chain, settings: next }, coalesceKey ? { coalesceKey: `settings.${coalesceKey}` } : undefined);
  const check = (candidate: ChainSettings, path: string) => schemaProblemAt(settingsSchema, candidate, path);
  const toggle = (label: string, checked: boolean, onToggle: (value: boolean) => void, id: string) => (
    <FormControlLabel control={<Switch checked={checked} onChange={(event) => onToggle(event.target.checked)} slotProps={{ input: { 'data-testid': `${testId}-${id}` } as object }} />} label={label} />
  );
  const zoneOptions = ['', ...zones];
  const quietProblem = issueText(issuesUnder(issues, 'settings.quietHours'), language);
  return (
    <Stack sx={{ gap: 2 }} data-testid={testId}>
      <Section title={t('inspector.settings.sections.about')}>
        <TextField size="small" label={t('inspector.settings.name')} value={chain.name} onChange={(event) => onChange({ ...chain, name: event.target.value }, { coalesceKey: 'chain.name' })} slotProps={{ htmlInput: { maxLength: MAX_LABEL_LENGTH, 'data-testid': `${testId}-name` } }} />
        <DescriptionField label={t('inspector.settings.description')} value={chain.description} onChange={(description) => onChange({ ...chain, description }, { coalesceKey: 'chain.description' })} testId={`${testId}-description`} />
        <NamePicker
          label={t('inspector.settings.stage')}
          options={stageOptions(vocabulary, chain.stage ? [chain.stage] : [], { names, language })}
          countOf="customers"
          value={chain.stage ?? ''}
          onChange={(stage) => onChange({ ...chain, stage: stage || null })}
          helperText={chain.stage ? undefined : t('inspector.settings.noStage')}
          problem={issueText(issuesUnder(issues, 'stage'), language)}
          isLoading={!vocabulary}
          testId={`${testId}-stage`}
        />
      </Section>
      <Divider />
      <Section title={t('inspector.settings.sections.entry')}>
        <KeySelect label={t('inspector.settings.reEntry.label')} value={settings.reEntry.mode} values={RE_ENTRY_MODES} prefix="inspector.settings.reEntry" onChange={(mode) => set({ ...settings, reEntry: { ...settings.reEntry, mode } })} testId={`${testId}-reentry`} />
        {settings.reEntry.mode === 'cooldown' && (
          <NumberField label={t('inspector.settings.cooldownDays')} unit={t('inspector.units.days')} value={settings.reEntry.cooldownDays} isInteger check={(days) => check({ ...settings, reEntry: { ...settings.reEntry, cooldownDays: days ?? 0 } }, 'reEntry.cooldownDays')} onCommit={(days) => set({ ...settings, reEntry: { ...settings.reEntry, cooldownDays: days ?? 1 } }, 'cooldown')} testId={`${testId}-cooldown`} />
        )}
      </Section>
      <Divider />
      <Section title={t('inspector.settings.sections.goal')}>
        {toggle(t('inspector.settings.goalEnabled'), settings.goal.isEnabled, (isEnabled) => set({ ...settings, goal: { ...settings.goal, isEnabled } }), 'goal-enabled')}
        {settings.goal.isEnabled && (
          <>
            <EventMatchEditor label={t('inspector.settings.goalEvent')} value={settings.goal.event} onChange={(event, options) => set({ ...settings, goal: { ...settings.goal, event } }, options?.coalesceKey)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'settings.goal.event')} testId={`${testId}-goal-event`} />
            <NumberField label={t('inspector.settings.attributionDays')} unit={t('inspector.units.days')} value={settings.goal.attributionDays} isInteger check={(days) => check({ ...settings, goal: { ...settings.goal, attributionDays: days ?? 0 } }, 'goal.attributionDays')} onCommit={(days) => set({ ...settings, goal: { ...settings.goal, attributionDays: days ?? 1 } }, 'attribution')} testId={`${testId}-attribution`} />
            {toggle(t('inspector.settings.exitOnGoal'), settings.goal.exitOnGoal, (exitOnGoal) => set({ ...settings, goal: { ...settings.goal, exitOnGoal } }), 'exit-on-goal')}
          </>
        )}
      </Section>
      <Divider />
      <Section title={t('inspector.settings.sections.guards')}>
        <NumberField label={t('inspector.settings.controlGroup')} unit="%" value={settings.controlGroupPercent} helperText={t('inspector.settings.controlGroupHelp')} check={(percent) => check({ ...settings, controlGroupPercent: percent ?? 0 }, 'controlGroupPercent')} onCommit={(percent) => set({ ...settings, controlGroupPercent: percent ?? 0 }, 'control')} testId={`${testId}-control`} />
        {toggle(t('inspector.settings.capEnabled'), settings.frequencyCap.isEnabled, (isEnabled) => set({ ...settings, frequencyCap: { ...settings.frequencyCap, isEnabled } }), 'cap-enabled')}
        {settings.frequencyCap.isEnabled && (
          <>
            <Stack direction="row" sx={{ gap: 1 }}>
              <NumberField label={t('inspector.settings.capMessages')} value={settings.frequencyCap.messages} isInteger check={(messages) => check({ ...settings, frequencyCap: { ...settings.frequencyCap, messages: messages ?? 0 } }, 'frequencyCap.messages')} onCommit={(messages) => set({ ...settings, frequencyCap: { ...settings.frequencyCap, messages: messages ?? 1 } }, 'capMessages')} testId={`${testId}-cap-messages`} sx={{ flex: 1 }} />
              <NumberField label={t('inspector.settings.capDays')} unit={t('inspector.units.days')} value={settings.frequencyCap.days} isInteger check={(days) => check({ ...settings, frequencyCap: { ...settings.frequencyCap, days: days ?? 0 } }, 'frequencyCap.days')} onCommit={(days) => set({ ...settings, frequencyCap: { ...settings.frequencyCap, days: days ?? 1 } }, 'capDays')} testId={`${testId}-cap-days`} sx={{ flex: 1 }} />
            </Stack>
            <KeySelect label={t('inspector.settings.capWindow.label')} value={settings.frequencyCap.window} values={['rolling', 'calendar'] as const} prefix="inspector.settings.capWindow" onChange={(window) => set({ ...settings, frequencyCap: { ...settings.frequencyCap, window } })} testId={`${testId}-cap-window`} />
          </>
        )}
        {toggle(t('inspector.settings.quietEnabled'), settings.quietHours.isEnabled, (isEnabled) => set({ ...settings, quietHours: { ...settings.quietHours, isEnabled } }), 'quiet-enabled')}
        {settings.quietHours.isEnabled && (
          <>
            <Stack direction="row" sx={{ gap: 1 }}>
              {(['from', 'to'] as const).map((key) => (
                <TimeField key={key} label={t(key === 'from' ? 'inspector.settings.quietFrom' : 'inspector.settings.quietTo')} value={settings.quietHours[key]} onCommit={(text) => set({ ...settings, quietHours: { ...settings.quietHours, [key]: text } }, `quiet.${key}`)} testId={`${testId}-quiet-${key}`} sx={{ flex: 1 }} />
              ))}
            </Stack>
            {quietProblem && <Typography variant="caption" color="error">{quietProblem}</Typography>}
            <KeySelect label={t('inspector.settings.quietMode.label')} value={settings.quietHours.mode} values={['wait', 'drop'] as const} prefix="inspector.settings.quietMode" onChange={(mode) => set({ ...settings, quietHours: { ...settings.quietHours, mode } })} testId={`${testId}-quiet-mode`} />
          </>
        )}
      </Section>
      <Divider />
      <Section title={t('inspector.settings.sections.time')}>
        <Autocomplete
          size="small"
          options={zoneOptions}
          value={settings.timeZone ?? ''}
          disableClearable
          getOptionLabel={(zone) => (zone === '' ? t('inspector.settings.workspaceZone', { zone: workspaceTimeZone }) : zone)}
          onChange={(_event, zone) => set({ ...settings, timeZone: zone === '' ? null : zone })}
          renderInput={(params) => <TextField {...params} label={t('inspector.settings.timeZone')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `${testId}-time-zone` } }} />}
        />
      </Section>
    </Stack>
  );
}
