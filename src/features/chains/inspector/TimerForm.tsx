import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { nodeSchema } from '../../../domain/chains/nodes/registry';
import { DURATION_UNITS, TIMER_TYPES, WEEKDAYS, type Duration, type TimerNode, type TimerRule, type Weekday } from '../../../domain/chains/types';
import { schemaProblemAt } from '../../../ui/fieldProblems';
import { NumberField } from '../../../ui/NumberField';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder, relativeIssues } from '../../conditions/conditionEdit';
import { KeySelect } from '../../conditions/ConditionFields';
import { EventMatchEditor } from '../../conditions/EventMatchEditor';
import type { NodeFormProps } from './formTypes';
import { TimeField } from './FormParts';
import { timerPortRenames, withTimerType } from './inspectorModel';

function DurationFields({ label, value, path, node, rule, onChange, testId }: {
  label: string;
  value: Duration;
  path: string;
  node: TimerNode;
  rule: (duration: Duration) => TimerRule;
  onChange(next: Duration, options?: { coalesceKey?: string }): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const check = (duration: Duration) => schemaProblemAt(nodeSchema('timer'), { ...node, timer: rule(duration) }, `${path}.amount`);
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <NumberField
        label={label}
        value={value.amount}
        isInteger
        check={(amount) => check({ ...value, amount: amount ?? 0 })}
        onCommit={(amount) => onChange({ ...value, amount: amount ?? value.amount }, { coalesceKey: `${path}.amount` })}
        testId={`${testId}-amount`}
        sx={{ width: 120 }}
      />
      <KeySelect
        label={t('inspector.timer.unit')}
        value={value.unit}
        values={DURATION_UNITS}
        prefix="inspector.timer.units"
        // A unit whose year limit the amount breaks (400 days → weeks is fine, 400 weeks is not) keeps the amount within it.
        onChange={(unit) => onChange(check({ amount: value.amount, unit }) ? { amount: 1, unit } : { ...value, unit })}
        testId={`${testId}-unit`}
      />
    </Stack>
  );
}

function UntilFields({ node, rule, change, issues, testId }: NodeFormProps<TimerNode> & { rule: Extract<TimerRule, { type: 'until' }> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const window = rule.window;
  const set = (next: typeof window, coalesceKey?: string) => change({ ...node, timer: { ...rule, window: next } }, coalesceKey ? { coalesceKey } : undefined);
  const timeField = (key: 'from' | 'to') => <TimeField label={t(`inspector.timer.${key}`)} value={window[key]} onCommit={(text) => set({ ...window, [key]: text }, `window.${key}`)} testId={`${testId}-${key}`} />;
  const windowProblem = issueText(issuesUnder(issues, 'timer.window').filter((issue) => issue.path === 'timer.window'), language);
  const weekdayProblem = issueText(issuesUnder(issues, 'timer.window.weekdays'), language);
  return (
    <>
      <Stack direction="row" sx={{ gap: 1 }}>
        {timeField('from')}
        {timeField('to')}
      </Stack>
      {windowProblem && <Typography variant="caption" color="error">{windowProblem}</Typography>}
      <Typography variant="subtitle2" component="span" id={`${testId}-weekdays-label`}>{t('inspector.timer.weekdays')}</Typography>
      <ToggleButtonGroup
        size="small"
        value={window.weekdays}
        onChange={(_event, days: Weekday[]) => set({ ...window, weekdays: WEEKDAYS.filter((day) => days.includes(day)) })}
        aria-labelledby={`${testId}-weekdays-label`}
        data-testid={`${testId}-weekdays`}
        sx={{ flexWrap: 'wrap', '& .MuiToggleButton-root': { textTransform: 'none', px: 0.9, minWidth: 36 } }}
      >
        {WEEKDAYS.map((day) => (
          <ToggleButton key={day} value={day}>{t(`inspector.timer.weekday.${day}`)}</ToggleButton>
        ))}
      </ToggleButtonGroup>
      {weekdayProblem && <Typography variant="caption" color="error">{weekdayProblem}</Typography>}
      <Typography variant="body2" color="text.secondary">{t('inspector.timer.untilHelp')}</Typography>
    </>
  );
}

/** A delay, a local time window, or waiting for an event up to a timeout. */
export function TimerForm(props: NodeFormProps<TimerNode>) {
  const { t } = useTranslation();
  const { node, change, vocabulary, names, issues, testId } = props;
  const rule = node.timer;
  const switchType = (type: TimerRule['type']) => {
    if (type === rule.type) return;
    change({ ...node, timer: withTimerType(rule, type) }, { renames: timerPortRenames(rule.type, type) });
  };
  return (
    <Stack sx={{ gap: 1.5 }}>
      <KeySelect label={t('inspector.timer.type.label')} value={rule.type} values={TIMER_TYPES} prefix="inspector.timer.type" onChange={switchType} testId={`${testId}-type`} />
      {rule.type === 'delay' && (
        <DurationFields label={t('inspector.timer.amount')} value={rule.duration} path="timer.duration" node={node} rule={(duration) => ({ ...rule, duration })} onChange={(duration, options) => change({ ...node, timer: { ...rule, duration } }, options)} testId={`${testId}-delay`} />
      )}
      {rule.type === 'until' && <UntilFields {...props} rule={rule} />}
      {rule.type === 'waitFor' && (
        <>
          <EventMatchEditor label={t('inspector.timer.waitEvent')} value={rule.event} onChange={(event, options) => change({ ...node, timer: { ...rule, event } }, options)} vocabulary={vocabulary} names={names} issues={relativeIssues(issues, 'timer.event')} testId={`${testId}-event`} />
          <DurationFields label={t('inspector.timer.timeout')} value={rule.timeout} path="timer.timeout" node={node} rule={(timeout) => ({ ...rule, timeout })} onChange={(timeout, options) => change({ ...node, timer: { ...rule, timeout } }, options)} testId={`${testId}-timeout`} />
          <Typography variant="body2" color="text.secondary">{t('inspector.timer.waitForHelp')}</Typography>
        </>
      )}
    </Stack>
  );
}
