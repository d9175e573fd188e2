import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { daysSchema } from '../../domain/conditions/schema';
import { NUMBER_OPS, type NumberTest } from '../../domain/conditions/types';
import { schemaProblemAt } from '../../ui/fieldProblems';
import { NumberField } from '../../ui/NumberField';
import { useLanguage } from '../../ui/useLanguage';
import { issueText, issuesUnder, withNumberOp, type PlacedIssue } from './conditionEdit';

/** Small editors the condition builder and the chain forms share. */

/** A select whose options are translated keys (`${prefix}.${value}`). */
export function KeySelect<T extends string>({ label, value, values, prefix, onChange, testId, minWidth = 140 }: {
  label: string;
  value: T;
  values: readonly T[];
  prefix: string;
  onChange(next: T): void;
  testId?: string;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as T)}
      sx={{ minWidth }}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {values.map((item) => (
        <MenuItem key={item} value={item}>{t(`${prefix}.${item}`)}</MenuItem>
      ))}
    </TextField>
  );
}

/**
 * A comparison of a number: operator, value and (between) the upper bound. `issues` are relative
 * to the test (`to` for an empty range).
 */
export function NumberTestEditor({ label, value, onChange, isInteger, unit, issues, testId }: {
  label: string;
  value: NumberTest;
  onChange(next: NumberTest, options?: { coalesceKey?: string }): void;
  isInteger?: boolean;
  unit?: string;
  issues: readonly PlacedIssue[];
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <KeySelect label={t('conditions.operator')} value={value.op} values={NUMBER_OPS} prefix="conditions.numberOps" onChange={(op) => onChange(withNumberOp(value, op))} testId={`${testId}-op`} />
      <NumberField
        label={value.op === 'between' ? t('conditions.from') : label}
        value={value.value}
        isInteger={isInteger}
        unit={unit}
        onCommit={(next) => onChange({ ...value, value: next ?? 0 }, { coalesceKey: `${testId}:value` })}
        problem={issueText(issuesUnder(issues, 'value'), language)}
        testId={`${testId}-value`}
        sx={{ width: 130 }}
      />
      {value.op === 'between' && (
        <NumberField
          label={t('conditions.to')}
          value={value.to ?? value.value}
          isInteger={isInteger}
          unit={unit}
          onCommit={(next) => onChange({ ...value, to: next ?? 0 }, { coalesceKey: `${testId}:to` })}
          problem={issueText(issuesUnder(issues, 'to'), language)}
          testId={`${testId}-to`}
          sx={{ width: 130 }}
        />
      )}
    </Stack>
  );
}

/** "All history" or "in the last N days" (null = all history). */
export function PeriodField({ value, onChange, testId }: { value: number | null; onChange(next: number | null, options?: { coalesceKey?: string }): void; testId: string }) {
  const { t } = useTranslation();
  const mode = value === null ? 'ever' : 'last';
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <KeySelect label={t('conditions.period.label')} value={mode} values={['last', 'ever'] as const} prefix="conditions.period" onChange={(next) => onChange(next === 'ever' ? null : 30)} testId={`${testId}-mode`} />
      {value !== null && (
        <NumberField
          label={t('conditions.period.days')}
          value={value}
          isInteger
          check={(days) => schemaProblemAt(daysSchema, days, '')}
          onCommit={(next) => onChange(next ?? 30, { coalesceKey: `${testId}:days` })}
          testId={`${testId}-days`}
          sx={{ width: 110 }}
        />
      )}
    </Stack>
  );
}
