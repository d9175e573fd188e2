import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isLocalDateTime } from '../../../domain/chains/localTime';
import { nodeSchema } from '../../../domain/chains/nodes/registry';
import { AUDIENCE_TRIGGER_MODES, TRIGGER_TYPES, type AudienceRef, type TriggerNode, type TriggerRule } from '../../../domain/chains/types';
import { emptyGroup } from '../../../domain/conditions/build';
import { schemaProblemAt } from '../../../ui/fieldProblems';
import { DateField } from '../../../ui/DateField';
import { NumberField } from '../../../ui/NumberField';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder, relativeIssues } from '../../conditions/conditionEdit';
import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import { KeySelect } from '../../conditions/ConditionFields';
import { EventMatchEditor } from '../../conditions/EventMatchEditor';
import { NamePicker } from '../../conditions/NamePickers';
import { fieldOptions, isLifecycleStatus, lifecycleOptions, rfmSegmentOptions, stageOptions } from '../../conditions/options';
import { SavedAudienceSelect } from '../../conditions/SavedAudienceSelect';
import type { NodeFormProps } from './formTypes';
import { TimeField } from './FormParts';
import { splitLocalDateTime } from './inspectorModel';
import { isDateFieldOf, segmentRefOfType, tomorrowAtTen, withTriggerType } from './triggerEdits';

type RuleProps<T extends TriggerRule['type']> = NodeFormProps<TriggerNode> & { rule: Extract<TriggerRule, { type: T }> };

/** The schema's problem for a candidate trigger at `path`. */
function triggerCheck(node: TriggerNode, path: string, rule: TriggerRule) {
  return schemaProblemAt(nodeSchema('trigger'), { ...node, trigger: rule }, path);
}

function InactivityFields({ node, rule, change, vocabulary, names, issues, testId }: RuleProps<'inactivity'>) {
  const { t } = useTranslation();
  return (
    <>
      <EventMatchEditor label={t('inspector.trigger.inactivityEvent')} value={rule.event} onChange={(event, options) => change({ ...node, trigger: { ...rule, event } }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'trigger.event')} emptyMeansAny testId={`${testId}-event`} />
      <NumberField
        label={t('inspector.trigger.days')}
        unit={t('inspector.units.days')}
        value={rule.days}
        isInteger
        helperText={t('inspector.trigger.inactivityHelp')}
        check={(days) => triggerCheck(node, 'trigger.days', { ...rule, days: days ?? 0 })}
        onCommit={(days) => change({ ...node, trigger: { ...rule, days: days ?? rule.days } }, { coalesceKey: 'days' })}
        testId={`${testId}-days`}
      />
    </>
  );
}

function DateFields({ node, rule, change, vocabulary, names, issues, testId }: RuleProps<'date'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <NamePicker
        label={t('inspector.trigger.dateField')}
        options={fieldOptions(vocabulary, [rule.field], { names, language }, isDateFieldOf(vocabulary))}
        countOf="customers"
        value={rule.field}
        onChange={(field) => change({ ...node, trigger: { ...rule, field } })}
        problem={issueText(issuesUnder(issues, 'trigger.field'), language)}
        isLoading={!vocabulary}
        testId={`${testId}-field`}
      />
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <NumberField
          label={t('inspector.trigger.offset')}
          value={rule.offsetDays}
          isInteger
          helperText={t('inspector.trigger.offsetHelp')}
          check={(offsetDays) => triggerCheck(node, 'trigger.offsetDays', { ...rule, offsetDays: offsetDays ?? 0 })}
          onCommit={(offsetDays) => change({ ...node, trigger: { ...rule, offsetDays: offsetDays ?? 0 } }, { coalesceKey: 'offset' })}
          testId={`${testId}-offset`}
          sx={{ flex: 1, minWidth: 150 }}
        />
        <TimeField label={t('inspector.trigger.localTime')} value={rule.localTime} onCommit={(localTime) => change({ ...node, trigger: { ...rule, localTime } }, { coalesceKey: 'time' })} testId={`${testId}-time`} sx={{ width: 150 }} />
      </Stack>
      <KeySelect label={t('inspector.trigger.repeat.label')} value={rule.repeat} values={['yearly', 'once'] as const} prefix="inspector.trigger.repeat" onChange={(repeat) => change({ ...node, trigger: { ...rule, repeat } })} testId={`${testId}-repeat`} />
    </>
  );
}

function SegmentFields({ node, rule, change, vocabulary, names, issues, testId }: RuleProps<'segment'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const segment = rule.segment;
  const set = (next: typeof segment) => change({ ...node, trigger: { ...rule, segment: next } });
  const common = { countOf: 'customers' as const, isLoading: !vocabulary, testId: `${testId}-segment` };
  return (
    <>
      <KeySelect label={t('inspector.trigger.segmentKind.label')} value={segment.type} values={['rfmSegment', 'lifecycle', 'stage'] as const} prefix="inspector.trigger.segmentKind" onChange={(type) => type !== segment.type && set(segmentRefOfType(type))} testId={`${testId}-segment-kind`} />
      {segment.type === 'rfmSegment' && (
        <NamePicker {...common} label={t('inspector.trigger.segment')} options={rfmSegmentOptions(vocabulary, [segment.segment], { names, language })} value={segment.segment} onChange={(id) => set({ ...segment, segment: id })} problem={issueText(issuesUnder(issues, 'trigger.segment'), language)} />
      )}
      {segment.type === 'lifecycle' && (
        <NamePicker {...common} label={t('inspector.trigger.status')} options={lifecycleOptions(vocabulary, { names, language })} value={segment.status} onChange={(status) => isLifecycleStatus(status) && set({ type: 'lifecycle', status })} />
      )}
      {segment.type === 'stage' && (
        <NamePicker {...common} label={t('inspector.trigger.stage')} options={stageOptions(vocabulary, [segment.stage], { names, language })} value={segment.stage} onChange={(stage) => set({ ...segment, stage })} problem={issueText(issuesUnder(issues, 'trigger.segment'), language)} />
      )}
    </>
  );
}

function SendTimeFields({ node, rule, change, issues, testId }: RuleProps<'audience'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const at = splitLocalDateTime(rule.at);
  const atProblem = issueText(issuesUnder(issues, 'trigger.at'), language);
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      {/* Emptying the day keeps the one held: a one-off send always has a day. */}
      <DateField
        label={t('inspector.trigger.atDate')}
        value={at.date}
        onChange={(date) => {
          if (date && isLocalDateTime(`${date}T00:00`)) change({ ...node, trigger: { ...rule, at: `${date}T${at.time}` } }, { coalesceKey: 'at.date' });
        }}
        error={Boolean(atProblem)}
        helperText={atProblem ?? undefined}
        testId={`${testId}-at-date`}
        sx={{ flex: 1 }}
      />
      <TimeField label={t('inspector.trigger.atTime')} value={at.time} onCommit={(time) => change({ ...node, trigger: { ...rule, at: `${at.date}T${time}` } }, { coalesceKey: 'at.time' })} testId={`${testId}-at-time`} sx={{ width: 100 }} />
    </Stack>
  );
}

/** The saved audience a trigger names, from the workspace's list; a deleted one stays shown as such. */
function SavedAudiencePicker({ node, rule, change, vocabulary, issues, testId }: RuleProps<'audience'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const audience = rule.audience;
  if (audience.type !== 'saved') return null;
  const problem = issueText(issuesUnder(issues, 'trigger.audience'), language);
  return (
    <SavedAudienceSelect
      label={t('inspector.trigger.savedAudience')}
      audiences={vocabulary?.audiences ?? []}
      audienceId={audience.audienceId}
      goneText={t('inspector.trigger.goneAudience', { name: audience.name })}
      emptyText={t('inspector.trigger.noSavedAudiences')}
      problem={problem}
      onChoose={(chosen) => change({ ...node, trigger: { ...rule, audience: { type: 'saved', audienceId: chosen.id, name: chosen.name } } })}
      testId={`${testId}-saved-audience`}
    />
  );
}

/** An audience trigger: once at a time or on joining (daily), over a saved audience or a condition written here. */
function AudienceFields(props: RuleProps<'audience'>) {
  const { node, rule, change, vocabulary, issues, testId } = props;
  const { t } = useTranslation();
  const audience = rule.audience;
  const chooseSource = (type: AudienceRef['type']) => {
    if (type === audience.type) return;
    const first = vocabulary?.audiences?.[0];
    const next: AudienceRef = type === 'saved' ? { type, audienceId: first?.id ?? '', name: first?.name ?? '' } : { type, condition: emptyGroup() };
    change({ ...node, trigger: { ...rule, audience: next } });
  };
  return (
    <>
      <KeySelect label={t('inspector.trigger.audienceMode.label')} value={rule.mode} values={AUDIENCE_TRIGGER_MODES} prefix="inspector.trigger.audienceMode" onChange={(mode) => change({ ...node, trigger: { ...rule, mode } })} testId={`${testId}-audience-mode`} />
      {rule.mode === 'once' ? <SendTimeFields {...props} /> : <Typography variant="body2" color="text.secondary">{t('inspector.trigger.joinsHelp')}</Typography>}
      <KeySelect label={t('inspector.trigger.audienceKind.label')} value={audience.type} values={['saved', 'condition'] as const} prefix="inspector.trigger.audienceKind" onChange={chooseSource} testId={`${testId}-audience-kind`} />
      {audience.type === 'saved' ? (
        <SavedAudiencePicker {...props} />
      ) : (
        <ConditionBuilder
          value={audience.condition}
          onChange={(condition, options) => change({ ...node, trigger: { ...rule, audience: { ...audience, condition } } }, options)}
          vocabulary={vocabulary}
          context={{ isInChain: false }}
          issues={relativeIssues(issues, 'trigger.audience.condition')}
          testId={`${testId}-audience`}
        />
      )}
    </>
  );
}

/** Where customers enter: event, inactivity, date, segment entry, or an audience (once, or on joining it). */
export function TriggerForm(props: NodeFormProps<TriggerNode>) {
  const { t } = useTranslation();
  const { node, change, vocabulary, names, issues, timeZone, testId } = props;
  const rule = node.trigger;
  return (
    <Stack sx={{ gap: 1.5 }}>
      <KeySelect label={t('inspector.trigger.type')} value={rule.type} values={TRIGGER_TYPES} prefix="inspector.trigger.types" onChange={(type) => change(withTriggerType(node, type, tomorrowAtTen(timeZone, Date.now())))} testId={`${testId}-type`} />
      {rule.type === 'event' && (
        <EventMatchEditor label={t('inspector.trigger.event')} value={rule.event} onChange={(event, options) => change({ ...node, trigger: { ...rule, event } }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'trigger.event')} testId={`${testId}-event`} />
      )}
      {rule.type === 'inactivity' && <InactivityFields {...props} rule={rule} />}
      {rule.type === 'date' && <DateFields {...props} rule={rule} />}
      {rule.type === 'segment' && <SegmentFields {...props} rule={rule} />}
      {rule.type === 'audience' && <AudienceFields {...props} rule={rule} />}
    </Stack>
  );
}
