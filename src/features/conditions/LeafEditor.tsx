import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { NameResolver } from '../../domain/conditions/names';
import { conditionSchema } from '../../domain/conditions/schema';
import { CONSENT_STATES, FIELD_OPS, RFM_SCORES, SET_OPS, type ConsentState, type LeafCondition } from '../../domain/conditions/types';
import { CONSENT_CHANNELS } from '../../domain/model/customer';
import { schemaProblemAt } from '../../ui/fieldProblems';
import { NumberField } from '../../ui/NumberField';
import { useLanguage } from '../../ui/useLanguage';
import { fieldOpArity, issueText, issuesUnder, relativeIssues, withFieldOp, type PlacedIssue } from './conditionEdit';
import { KeySelect, NumberTestEditor, PeriodField } from './ConditionFields';
import { EventMatchEditor } from './EventMatchEditor';
import { NamePicker, NamesPicker, ValuesField } from './NamePickers';
import { SavedAudienceSelect } from './SavedAudienceSelect';
import { eventPropOptions, eventPropValueOptions, fieldOptions, fieldValueOptions, isLifecycleStatus, lifecycleOptions, rfmSegmentOptions, stageOptions } from './options';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

export interface LeafEditorProps {
  condition: LeafCondition;
  onChange(next: LeafCondition, options?: { coalesceKey?: string }): void;
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  /** relative to the condition */
  issues: readonly PlacedIssue[];
  testId: string;
}

type Props<T extends LeafCondition['type']> = Omit<LeafEditorProps, 'condition' | 'onChange'> & {
  condition: Extract<LeafCondition, { type: T }>;
  onChange(next: Extract<LeafCondition, { type: T }>, options?: { coalesceKey?: string }): void;
};

function FieldConditionEditor({ condition, onChange, vocabulary, names, issues, testId }: Props<'field'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const arity = fieldOpArity(condition.op);
  return (
    <>
      <NamePicker
        label={t('conditions.field')}
        options={fieldOptions(vocabulary, [condition.field], { names, language })}
        countOf="customers"
        value={condition.field}
        onChange={(field) => onChange({ ...condition, field })}
        problem={issueText(issuesUnder(issues, 'field'), language)}
        isLoading={!vocabulary}
        testId={`${testId}-field`}
      />
      <KeySelect label={t('conditions.operator')} value={condition.op} values={FIELD_OPS} prefix="conditions.fieldOps" onChange={(op) => onChange(withFieldOp(condition, op))} testId={`${testId}-op`} />
      {arity !== 'none' && (
        <ValuesField
          label={arity === 'one' ? t('conditions.value') : t('conditions.values')}
          options={fieldValueOptions(vocabulary, condition.field)}
          value={condition.values}
          isSingle={arity === 'one'}
          onChange={(values, options) => onChange({ ...condition, values }, options && { coalesceKey: `${testId}:values` })}
          problem={issueText(issuesUnder(issues, 'values'), language)}
          testId={`${testId}-values`}
        />
      )}
    </>
  );
}

function ConsentEditor({ condition, onChange, issues, testId }: Props<'consent'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problem = issueText(issuesUnder(issues, 'states'), language);
  return (
    <>
      <KeySelect label={t('conditions.channel')} value={condition.channel} values={CONSENT_CHANNELS} prefix="channel" onChange={(channel) => onChange({ ...condition, channel })} testId={`${testId}-channel`} />
      <Typography variant="caption" color="text.secondary" id={`${testId}-states-label`}>{t('conditions.consentStates.label')}</Typography>
      <ToggleButtonGroup
        size="small"
        sx={{ '& .MuiToggleButton-root': { textTransform: 'none', py: 0.25 } }}
        value={condition.states}
        onChange={(_event, states: ConsentState[]) => onChange({ ...condition, states: CONSENT_STATES.filter((state) => states.includes(state)) })}
        aria-labelledby={`${testId}-states-label`}
        data-testid={`${testId}-states`}
      >
        {CONSENT_STATES.map((state) => (
          <ToggleButton key={state} value={state}>{t(`conditions.consentStates.${state}`)}</ToggleButton>
        ))}
      </ToggleButtonGroup>
      {problem && <Hint text={problem} />}
    </>
  );
}

function Hint({ text }: { text: string }) {
  return <Typography variant="caption" color="error">{text}</Typography>;
}

function ContactEditor({ condition, onChange, testId }: Props<'contact'>) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      <KeySelect label={t('conditions.types.contact')} value={condition.isPresent ? 'has' : 'hasNot'} values={['has', 'hasNot'] as const} prefix="conditions.contact" onChange={(mode) => onChange({ ...condition, isPresent: mode === 'has' })} testId={`${testId}-present`} minWidth={100} />
      <KeySelect label={t('conditions.channel')} value={condition.channel} values={CONSENT_CHANNELS} prefix="channel" onChange={(channel) => onChange({ ...condition, channel })} testId={`${testId}-channel`} />
    </Stack>
  );
}

function SetEditor({ condition, onChange, vocabulary, names, issues, testId }: Props<'rfmSegment' | 'lifecycle' | 'stage'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const op = <KeySelect label={t('conditions.operator')} value={condition.op} values={SET_OPS} prefix="conditions.setOps" onChange={(next) => onChange({ ...condition, op: next })} testId={`${testId}-op`} />;
  const common = { countOf: 'customers' as const, isLoading: !vocabulary };
  switch (condition.type) {
    case 'rfmSegment':
      return (
        <>
          {op}
          <NamesPicker {...common} label={t('conditions.segments')} options={rfmSegmentOptions(vocabulary, condition.segments, { names, language })} value={condition.segments} onChange={(segments) => onChange({ ...condition, segments })} problem={issueText(issuesUnder(issues, 'segments'), language)} testId={`${testId}-segments`} />
        </>
      );
    case 'lifecycle':
      return (
        <>
          {op}
          <NamesPicker {...common} label={t('conditions.statuses')} options={lifecycleOptions(vocabulary, { names, language })} value={condition.statuses} onChange={(statuses) => onChange({ ...condition, statuses: statuses.filter(isLifecycleStatus) })} problem={issueText(issuesUnder(issues, 'statuses'), language)} testId={`${testId}-statuses`} />
        </>
      );
    case 'stage':
      return (
        <>
          {op}
          <NamesPicker {...common} label={t('conditions.stages')} options={stageOptions(vocabulary, condition.stages, { names, language })} value={condition.stages} onChange={(stages) => onChange({ ...condition, stages })} problem={issueText(issuesUnder(issues, 'stages'), language)} testId={`${testId}-stages`} />
        </>
      );
  }
}

function EventCountEditor({ condition, onChange, vocabulary, names, issues, testId }: Props<'eventCount'>) {
  const { t } = useTranslation();
  return (
    <>
      <EventMatchEditor value={condition.event} onChange={(event, options) => onChange({ ...condition, event }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'event')} emptyMeansAny testId={`${testId}-event`} />
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <KeySelect label={t('conditions.operator')} value={condition.op} values={['atLeast', 'atMost'] as const} prefix="conditions.countOps" onChange={(op) => onChange({ ...condition, op })} testId={`${testId}-op`} minWidth={110} />
        <NumberField
          label={t('conditions.times')}
          value={condition.count}
          isInteger
          check={(count) => schemaProblemAt(conditionSchema, { ...condition, count }, 'count')}
          onCommit={(count) => onChange({ ...condition, count: count ?? 0 }, { coalesceKey: `${testId}:count` })}
          testId={`${testId}-count`}
          sx={{ width: 100 }}
        />
      </Stack>
      <PeriodField value={condition.days} onChange={(days, options) => onChange({ ...condition, days }, options)} testId={`${testId}-period`} />
    </>
  );
}

function EventSinceEntryEditor({ condition, onChange, vocabulary, names, issues, testId }: Props<'eventSinceEntry'>) {
  const { t } = useTranslation();
  return (
    <>
      <KeySelect label={t('conditions.operator')} value={condition.happened ? 'happened' : 'notHappened'} values={['happened', 'notHappened'] as const} prefix="conditions.since" onChange={(mode) => onChange({ ...condition, happened: mode === 'happened' })} testId={`${testId}-happened`} />
      <EventMatchEditor value={condition.event} onChange={(event, options) => onChange({ ...condition, event }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'event')} emptyMeansAny testId={`${testId}-event`} />
    </>
  );
}

function PurchaseEditor({ condition, onChange, issues, testId }: Props<'totalSpend' | 'orderCount' | 'daysSinceLastOrder' | 'rfmScore'>) {
  const { t } = useTranslation();
  const compare = (
    <NumberTestEditor
      label={t(condition.type === 'totalSpend' ? 'conditions.money' : 'conditions.number')}
      value={condition.compare}
      isInteger={condition.type !== 'totalSpend'}
      onChange={(next, options) => onChange({ ...condition, compare: next }, options)}
      issues={relativeIssues(issues, 'compare')}
      testId={`${testId}-compare`}
    />
  );
  switch (condition.type) {
    case 'rfmScore':
      return (
        <>
          <KeySelect label={t('conditions.scores.label')} value={condition.score} values={RFM_SCORES} prefix="conditions.scores" onChange={(score) => onChange({ ...condition, score })} testId={`${testId}-score`} minWidth={200} />
          {compare}
        </>
      );
    case 'totalSpend':
    case 'orderCount':
      return (
        <>
          {compare}
          <PeriodField value={condition.days} onChange={(days, options) => onChange({ ...condition, days }, options)} testId={`${testId}-period`} />
        </>
      );
    case 'daysSinceLastOrder':
      return compare;
  }
}

function CategorySpendEditor({ condition, onChange, vocabulary, issues, testId }: Props<'categorySpend'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <NamePicker
        label={t('conditions.categoryProp')}
        options={eventPropOptions(vocabulary, [condition.key])}
        countOf="events"
        value={condition.key}
        onChange={(key) => onChange({ ...condition, key })}
        problem={issueText(issuesUnder(issues, 'key'), language)}
        testId={`${testId}-key`}
      />
      <ValuesField
        label={t('conditions.categories')}
        options={eventPropValueOptions(vocabulary, condition.key)}
        value={condition.values}
        isSingle={false}
        onChange={(values, options) => onChange({ ...condition, values }, options && { coalesceKey: `${testId}:values` })}
        problem={issueText(issuesUnder(issues, 'values'), language)}
        testId={`${testId}-values`}
      />
      <NumberTestEditor label={t('conditions.money')} value={condition.compare} onChange={(compare, options) => onChange({ ...condition, compare }, options)} issues={relativeIssues(issues, 'compare')} testId={`${testId}-compare`} />
      <PeriodField value={condition.days} onChange={(days, options) => onChange({ ...condition, days }, options)} testId={`${testId}-period`} />
    </>
  );
}

function DaysSinceLastEventEditor({ condition, onChange, vocabulary, names, issues, testId }: Props<'daysSinceLastEvent'>) {
  const { t } = useTranslation();
  return (
    <>
      <EventMatchEditor value={condition.event} onChange={(event, options) => onChange({ ...condition, event }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'event')} emptyMeansAny testId={`${testId}-event`} />
      <NumberTestEditor label={t('conditions.days')} value={condition.compare} isInteger onChange={(compare, options) => onChange({ ...condition, compare }, options)} issues={relativeIssues(issues, 'compare')} testId={`${testId}-compare`} />
    </>
  );
}

function AudienceEditor({ condition, onChange, vocabulary, issues, testId }: Props<'audience'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problem = issueText(issuesUnder(issues, 'audienceId'), language);
  return (
    <>
      <KeySelect label={t('conditions.operator')} value={condition.op} values={SET_OPS} prefix="conditions.audience" onChange={(op) => onChange({ ...condition, op })} testId={`${testId}-op`} />
      <SavedAudienceSelect
        label={t('conditions.audience.label')}
        audiences={vocabulary?.audiences ?? []}
        audienceId={condition.audienceId}
        goneText={t('conditions.audience.gone', { name: condition.name })}
        emptyText={t('conditions.audience.none')}
        problem={problem}
        onChoose={(chosen) => onChange({ ...condition, audienceId: chosen.id, name: chosen.name })}
        testId={`${testId}-audience`}
        sx={{ minWidth: 220, flex: 1 }}
      />
    </>
  );
}

/** The fields of one leaf condition, by its kind. */
export function LeafEditor(props: LeafEditorProps) {
  const { condition, ...forward } = props;
  switch (condition.type) {
    case 'field':
      return <FieldConditionEditor {...forward} condition={condition} />;
    case 'consent':
      return <ConsentEditor {...forward} condition={condition} />;
    case 'contact':
      return <ContactEditor {...forward} condition={condition} />;
    case 'rfmSegment':
    case 'lifecycle':
    case 'stage':
      return <SetEditor {...forward} condition={condition} />;
    case 'eventCount':
      return <EventCountEditor {...forward} condition={condition} />;
    case 'eventSinceEntry':
      return <EventSinceEntryEditor {...forward} condition={condition} />;
    case 'rfmScore':
    case 'totalSpend':
    case 'orderCount':
    case 'daysSinceLastOrder':
      return <PurchaseEditor {...forward} condition={condition} />;
    case 'categorySpend':
      return <CategorySpendEditor {...forward} condition={condition} />;
    case 'daysSinceLastEvent':
      return <DaysSinceLastEventEditor {...forward} condition={condition} />;
    case 'audience':
      return <AudienceEditor {...forward} condition={condition} />;
  }
}
