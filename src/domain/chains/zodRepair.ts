import type { z } from 'zod';

/**
 * Parses with a strict schema, dropping keys the schema does not know (and saying which), so an
 * extra field costs a report line, not the whole node. Anything else that fails is returned as
 * readable "path: message" lines.
 */
export type RepairParse<T> = { success: true; data: T; dropped: string[] } | { success: false; problems: string[]; dropped: string[] };

const MAX_ROUNDS = 5;

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/** `path: message` for each issue (at most `limit`). */
export function zodProblems(error: z.ZodError, limit = 3): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => (issue.path.length ? `${pathText(issue.path)}: ${issue.message}` : issue.message));
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}

function deleteKeys(value: unknown, path: readonly PropertyKey[], keys: readonly string[]): void {
  let target: unknown = value;
  for (const key of path) {
    if (target === null || typeof target !== 'object') return;
    target = (target as Record<PropertyKey, unknown>)[key];
  }
  if (target === null || typeof target !== 'object') return;
  for (const key of keys) delete (target as Record<string, unknown>)[key];
}

export function parseDroppingUnknownKeys<T>(schema: z.ZodType<T>, raw: unknown): RepairParse<T> {
  const dropped: string[] = [];
  let value = raw;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(value);
    if (result.success) return { success: true, data: result.data, dropped };
    const unknown = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (!unknown.length) return { success: false, problems: zodProblems(result.error), dropped };
    if (value === raw) value = structuredClone(raw);
    for (const issue of unknown) {
      deleteKeys(value, issue.path, issue.keys);
      for (const key of issue.keys) dropped.push(pathText([...issue.path, key]));
    }
  }
  const last = schema.safeParse(value);
  return last.success ? { success: true, data: last.data, dropped } : { success: false, problems: zodProblems(last.error), dropped };
}
