import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import type { NameResolver } from '../../domain/conditions/names';
import { FIELD_OPS, type EventCondition, type EventMatch } from '../../domain/conditions/types';
import { useLanguage } from '../../ui/useLanguage';
import { defaultEventCondition, fieldOpArity, issueText, issuesUnder, joinPath, relativeIssues, withFieldOp, type PlacedIssue } from './conditionEdit';
import { KeySelect, NumberTestEditor } from './ConditionFields';
import { NamePicker, NamesPicker, ValuesField } from './NamePickers';
import { eventPropOptions, eventPropValueOptions, eventTypeOptions } from './options';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

export interface EventMatchEditorProps {
  value: EventMatch;
  onChange(next: EventMatch, options?: { coalesceKey?: string }): void;
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  /** problems of this match, paths relative to it (`types`, `where.0.key` …) */
  issues: readonly PlacedIssue[];
  label?: string;
  /** shown under the types when none is chosen: whether that means "any event" */
  emptyMeansAny?: boolean;
  testId: string;
}

const EVENT_CONDITION_TYPES = ['amount', 'prop'] as const;

function EventConditionRow({ condition, onChange, onRemove, vocabulary, issues, testId }: {
  condition: EventCondition;
  onChange(next: EventCondition, options?: { coalesceKey?: string }): void;
  onRemove(): void;
  vocabulary: WorkspaceVocabulary | null;
  issues: readonly PlacedIssue[];
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Box sx={{ borderLeft: 2, borderColor: 'divider', pl: 1, display: 'flex', flexDirection: 'column', gap: 1 }} data-testid={testId}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <KeySelect
          label={t('conditions.event.kind')}
          value={condition.type}
          values={EVENT_CONDITION_TYPES}
          prefix="conditions.event"
          onChange={(type) => type !== condition.type && onChange(defaultEventCondition(type))}
          testId={`${testId}-type`}
        />
        <Box sx={{ flex: 1 }} />
        <IconButton aria-label={t('conditions.event.remove')} onClick={onRemove} size="small">
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Stack>
      {condition.type === 'amount' ? (
        <NumberTestEditor label={t('conditions.money')} value={condition.compare} onChange={(compare, options) => onChange({ ...condition, compare }, options)} issues={relativeIssues(issues, 'compare')} testId={`${testId}-amount`} />
      ) : (
        <>
          <NamePicker
            label={t('conditions.event.key')}
            options={eventPropOptions(vocabulary, [condition.key])}
            countOf="events"
            value={condition.key}
            onChange={(key) => onChange({ ...condition, key })}
            problem={issueText(issuesUnder(issues, 'key'), language)}
            testId={`${testId}-key`}
          />
          <KeySelect label={t('conditions.operator')} value={condition.op} values={FIELD_OPS} prefix="conditions.fieldOps" onChange={(op) => onChange(withFieldOp(condition, op))} testId={`${testId}-op`} />
          {fieldOpArity(condition.op) !== 'none' && (
            <ValuesField
              label={fieldOpArity(condition.op) === 'one' ? t('conditions.value') : t('conditions.values')}
              options={eventPropValueOptions(vocabulary, condition.key)}
              value={condition.values}
              isSingle={fieldOpArity(condition.op) === 'one'}
              onChange={(values, options) => onChange({ ...condition, values }, options && { coalesceKey: `${testId}:values` })}
              problem={issueText(issuesUnder(issues, 'values'), language)}
              testId={`${testId}-values`}
            />
          )}
        </>
      )}
    </Box>
  );
}

/** Which events count: event types of the workspace (any of them) and conditions on each event's amount or props. */
export function EventMatchEditor({ value, onChange, vocabulary, names, issues, label, emptyMeansAny, testId }: EventMatchEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const typeProblem = issueText(issuesUnder(issues, 'types'), language);
  const helper = value.types.length === 0 && emptyMeansAny ? t('conditions.event.anyType') : t('conditions.event.typesHelp');
  return (
    <Stack sx={{ gap: 1 }} data-testid={testId}>
      <NamesPicker
        label={label ?? t('conditions.event.types')}
        options={eventTypeOptions(vocabulary, value.types, { names, language })}
        countOf="events"
        value={value.types}
        onChange={(types) => onChange({ ...value, types })}
        problem={typeProblem}
        helperText={helper}
        isLoading={!vocabulary}
        testId={`${testId}-types`}
      />
      {value.where.length > 0 && <Typography variant="caption" color="text.secondary">{t('conditions.event.where')}</Typography>}
      {value.where.map((condition, index) => (
        <EventConditionRow
          key={index}
          condition={condition}
          vocabulary={vocabulary}
          issues={relativeIssues(issues, joinPath('where', index))}
          onChange={(next, options) => onChange({ ...value, where: value.where.with(index, next) }, options)}
          onRemove={() => onChange({ ...value, where: value.where.toSpliced(index, 1) })}
          testId={`${testId}-where-${index}`}
        />
      ))}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ ...value, where: [...value.where, defaultEventCondition('amount')] })} data-testid={`${testId}-add-where`}>
          {t('conditions.event.addCondition')}
        </Button>
      </Box>
    </Stack>
  );
}
