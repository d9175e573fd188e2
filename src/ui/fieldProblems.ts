import type { z } from 'zod';

/**
 * What is wrong with one form field, as a key of `forms.problems` and its values, so a form
 * says it in the interface language beside the field while the user types. The limits come
 * from the model's zod schemas (one place): a form builds the candidate value, runs the schema
 * and shows the issue found at the field's path.
 */
export type FieldProblem =
  | { key: 'required' | 'notNumber' | 'wholeNumber' | 'notFinite'; values?: undefined }
  | { key: 'atLeast' | 'above'; values: { min: number } }
  | { key: 'atMost' | 'below'; values: { max: number } }
  | { key: 'tooLong'; values: { max: number } }
  | { key: 'atMostPercent'; values: { max: number } }
  | { key: 'other'; values: { detail: string } };

type SchemaIssue = z.core.$ZodIssue;

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A zod issue as a field problem; custom rules of the model keep their (English) detail. */
export function problemOfIssue(issue: SchemaIssue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return { key: 'required' };
      return { key: issue.inclusive === false ? 'above' : 'atLeast', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
      return { key: issue.inclusive === false ? 'below' : 'atMost', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'wholeNumber' };
      if (issue.expected === 'number') return { key: 'notFinite' };
      return { key: 'other', values: { detail: issue.message } };
    default:
      return knownCustomProblem(issue.message) ?? { key: 'other', values: { detail: issue.message } };
  }
}

/** Custom rules of the model's schemas whose limit a form can name in any language. */
function knownCustomProblem(message: string): FieldProblem | null {
  if (message === 'a finite number') return { key: 'notFinite' };
  const percent = /^a discount of at most (\d+) %$/.exec(message);
  if (percent) return { key: 'atMostPercent', values: { max: Number(percent[1]) } };
  const year = /^at most a year \((\d+) \w+\)$/.exec(message);
  if (year) return { key: 'atMost', values: { max: Number(year[1]) } };
  return null;
}

/**
 * The first problem the schema finds at `path` (dot-separated, e.g. `trigger.days`) or inside it,
 * or null when the candidate is fine there. Problems elsewhere in the value are not this field's.
 */
export function schemaProblemAt<T>(schema: z.ZodType<T>, candidate: unknown, path: string): FieldProblem | null {
  const result = schema.safeParse(candidate);
  if (result.success) return null;
  const issue = result.error.issues.find((item) => {
    const at = pathText(item.path);
    return at === path || at.startsWith(`${path}.`);
  });
  return issue ? problemOfIssue(issue) : null;
}

/** Reads what the user typed as a number ('' → null; commas as decimal points, spaces ignored). */
export function parseNumberInput(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/^−/, '-');
  if (compact === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(compact)) return 'invalid';
  return Number(compact);
}

/** The problem of a typed number before the schema sees it: empty, not a number, not whole. */
export function numberInputProblem(text: string, options: { isInteger?: boolean; isOptional?: boolean } = {}): FieldProblem | null {
  const parsed = parseNumberInput(text);
  if (parsed === 'invalid') return { key: 'notNumber' };
  if (parsed === null) return options.isOptional ? null : { key: 'required' };
  if (options.isInteger && !Number.isInteger(parsed)) return { key: 'wholeNumber' };
  return null;
}

/** A share typed as a percent (the model stores fractions 0…1): 0 to 100. */
export function percentProblem(percent: number | null): FieldProblem | null {
  if (percent === null) return null;
  if (percent < 0) return { key: 'atLeast', values: { min: 0 } };
  return percent > 100 ? { key: 'atMost', values: { max: 100 } } : null;
}
