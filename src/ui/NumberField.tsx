import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberInputProblem, parseNumberInput, type FieldProblem } from './fieldProblems';
import { useLanguage } from './useLanguage';

export interface NumberFieldProps {
  label: string;
  value: number | null;
  /** called with every typed value that passes the checks (null: emptied, when `isOptional`) */
  onCommit(value: number | null): void;
  /** the model's check of the candidate (usually `schemaProblemAt`); null = fine */
  check?: (value: number | null) => FieldProblem | null;
  isInteger?: boolean;
  isOptional?: boolean;
  /** a problem the model reports for the committed value (a finding), shown when the typing is fine */
  problem?: string | null;
  helperText?: string;
  unit?: string;
  testId?: string;
  sx?: SxProps<Theme>;
  isDisabled?: boolean;
}

/** The text shown for a number in the interface language (decimal comma in Russian, no grouping). */
function numberText(value: number | null, language: string): string {
  if (value === null) return '';
  const text = String(value);
  return language === 'ru' ? text.replace('.', ',') : text;
}

/**
 * A number typed by the user, checked on every keystroke: what does not read as a number, or
 * breaks the model's limits, stays in the field with the reason beside it and is not passed on,
 * so the chain never holds a value it cannot save. A value changed from outside (undo, another
 * node selected) replaces the draft.
 */
export function NumberField({ label, value, onCommit, check, isInteger, isOptional, problem, helperText, unit, testId, sx, isDisabled }: NumberFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(() => ({ text: numberText(value, language), committed: value }));
  let current = draft;
  if (draft.committed !== value) {
    // The value changed from outside: show it (adjusting state while rendering, as React advises).
    current = { text: numberText(value, language), committed: value };
    setDraft(current);
  }
  const typingProblem = numberInputProblem(current.text, { isInteger, isOptional });
  const parsed = parseNumberInput(current.text);
  const candidate = parsed === 'invalid' ? null : parsed;
  const ownProblem = typingProblem ?? check?.(candidate) ?? null;
  const message = ownProblem ? t(`forms.problems.${ownProblem.key}`, ownProblem.values ?? {}) : (problem ?? helperText ?? ' ');
  function change(text: string): void {
    const next = parseNumberInput(text);
    const nextValue = next === 'invalid' ? null : next;
    const isFine = !numberInputProblem(text, { isInteger, isOptional }) && !check?.(nextValue);
    if (isFine && nextValue !== value) {
      setDraft({ text, committed: nextValue });
      onCommit(nextValue);
    } else {
      setDraft({ text, committed: value });
    }
  }
  return (
    <TextField
      size="small"
      label={label}
      value={current.text}
      disabled={isDisabled}
      onChange={(event) => change(event.target.value)}
      error={Boolean(ownProblem) || Boolean(problem)}
      helperText={message}
      sx={sx}
      slotProps={{
        htmlInput: { inputMode: isInteger ? 'numeric' : 'decimal', 'data-testid': testId },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
    />
  );
}
