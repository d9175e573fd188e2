import { z } from 'zod';
import type { ParseResult } from '../../domain/journey/stageMapping';

/**
 * One load policy for every stored record that has a shape (docs/architecture.md "Stored
 * data"). A record carries the format version it was written in (`format`; a record without
 * one was written before formats existed, by database version 1, and is format 1). On load:
 * 1. migrate step by step from its format to the current one (numbered migrations, each once);
 * 2. repair what is known to be harmless (e.g. a field a later format added takes its default;
 *    every repair is listed);
 * 3. validate with zod.
 * A record that cannot be understood — a newer format than this build knows, a migration that
 * throws, a value that does not validate — is not used and not touched: the caller reports it
 * (storageProblems.ts) and the stored row stays as it is. Nothing is silently replaced.
 */
export type RawRecord = Record<string, unknown>;

export interface RecordMigration {
  /** `<record>/<to>-<what>`, unique; the fixture tests check each ran at least once */
  id: string;
  /** the format it produces, from `to - 1` */
  to: number;
  migrate(raw: RawRecord): RawRecord;
}

export interface RecordFormat<T> {
  /** what the record is, for reports: an id the interface translates (errors.storage.what.<id>) */
  what: string;
  current: number;
  migrations: readonly RecordMigration[];
  repair?(raw: RawRecord): { value: RawRecord; repairs: string[] };
  schema: z.ZodType<T>;
  /** The format a raw record was written in; default: its `format` field, absent = 1. */
  formatOf?(raw: RawRecord): unknown;
}

/** Why a record could not be understood, for the interface to say in the user's language (errors.storage.reason.<code>). */
export interface UnreadableReason {
  code: 'notRecord' | 'unknownFormat' | 'newer' | 'notMigrated' | 'invalid';
  /** the format the record was written in */
  format?: number;
  /** the newest format this build reads */
  current?: number;
  /** the technical detail (the failing field and check, the migration's error) */
  detail?: string;
}

export type LoadedRecord<T> =
  | { ok: true; value: T; fromFormat: number; migrations: string[]; repairs: string[] }
  /** `reason`: the same in English, for logs and the command line */
  | { ok: false; fromFormat: number | null; reason: string; why: UnreadableReason };

export const FORMAT_FIELD = 'format';

function isRawRecord(value: unknown): value is RawRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function loadRecord<T>(format: RecordFormat<T>, raw: unknown): LoadedRecord<T> {
  if (!isRawRecord(raw)) return { ok: false, fromFormat: null, reason: 'not a record', why: { code: 'notRecord' } };
  const fromFormat = format.formatOf ? format.formatOf(raw) : raw[FORMAT_FIELD] ?? 1;
  if (typeof fromFormat !== 'number' || !Number.isInteger(fromFormat) || fromFormat < 1) return { ok: false, fromFormat: null, reason: `unknown format ${JSON.stringify(fromFormat)}`, why: { code: 'unknownFormat', detail: JSON.stringify(fromFormat) } };
  if (fromFormat > format.current) return { ok: false, fromFormat, reason: `written by a newer ChainLab (format ${fromFormat}; this version reads up to ${format.current})`, why: { code: 'newer', format: fromFormat, current: format.current } };
  let value = raw;
  const migrations: string[] = [];
  try {
    for (let to = fromFormat + 1; to <= format.current; to++) {
      for (const migration of format.migrations.filter((step) => step.to === to)) {
        value = migration.migrate(value);
        migrations.push(migration.id);
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, fromFormat, reason: `could not be brought from format ${fromFormat} to ${format.current}: ${detail}`, why: { code: 'notMigrated', format: fromFormat, current: format.current, detail } };
  }
  const repaired = format.repair ? format.repair(value) : { value, repairs: [] };
  const parsed = format.schema.safeParse(repaired.value);
  if (!parsed.success) {
    const detail = describeIssue(parsed.error);
    return { ok: false, fromFormat, reason: detail, why: { code: 'invalid', detail } };
  }
  return { ok: true, value: parsed.data, fromFormat, migrations, repairs: repaired.repairs };
}

/** The record as it is written: stamped with its type's current format. */
export function withFormat<T extends object>(format: RecordFormat<unknown>, value: T): T & { format: number } {
  return { ...value, format: format.current };
}

/** The first problem of a failed validation as "where: what" (just "what" at the top). */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** A schema from a domain parser (`parseStageMapping` …), its message kept as it is. */
export function schemaOf<T>(parse: (value: unknown) => ParseResult<T>): z.ZodType<T> {
  return z.unknown().transform((value, context) => {
    const result = parse(value);
    if (result.ok) return result.value;
    context.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });
}
