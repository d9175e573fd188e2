import { z } from 'zod';
import { conditionGroupSchema } from '../conditions/schema';
import type { ConditionGroup } from '../conditions/types';

/**
 * A saved audience (issue 15): a named condition of the one condition language, kept per
 * workspace. Its members are never stored — they are whoever the condition keeps as of a date,
 * computed when asked — so an audience follows the data (an import, an undo) by itself.
 *
 * Stored records are versioned by `version` (AUDIENCE_VERSION) and read only through
 * `restoreAudience`: numbered migrations, then a strict zod check; a record this build cannot
 * read is reported with the reason, never replaced by defaults.
 */
export const AUDIENCE_VERSION = 1;
export const MAX_AUDIENCE_NAME = 120;
export const MAX_AUDIENCE_DESCRIPTION = 1000;

export interface SavedAudience {
  version: number;
  id: string;
  workspaceId: string;
  name: string;
  /** what the audience is for, in the marketer's words (a ready-made one starts with the textbook's sentence) */
  description: string;
  condition: ConditionGroup;
  createdAt: number;
  updatedAt: number;
}

const nameSchema = z.string().trim().min(1, 'a name').max(MAX_AUDIENCE_NAME, `at most ${MAX_AUDIENCE_NAME} characters`);

export const savedAudienceSchema: z.ZodType<SavedAudience> = z
  .object({
    version: z.literal(AUDIENCE_VERSION),
    id: z.string().min(1).max(200),
    workspaceId: z.string().min(1).max(200),
    name: nameSchema,
    description: z.string().max(MAX_AUDIENCE_DESCRIPTION, `at most ${MAX_AUDIENCE_DESCRIPTION} characters`),
    condition: conditionGroupSchema,
    createdAt: z.number().finite(),
    updatedAt: z.number().finite(),
  })
  .strict();

interface AudienceMigration {
  id: string;
  to: number;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Numbered migrations from each earlier version (none yet: version 1 is the first shipped). */
export const AUDIENCE_MIGRATIONS: readonly AudienceMigration[] = [];

export type RestoredAudience = { ok: true; audience: SavedAudience; migrated: string[] } | { ok: false; id: string; name: string; message: { en: string; ru: string } };

function stringField(raw: unknown, key: string): string {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
}

function refused(raw: unknown, en: string, ru: string): RestoredAudience {
  return { ok: false, id: stringField(raw, 'id') || '?', name: stringField(raw, 'name'), message: { en, ru } };
}

/** A stored audience brought to the current version and checked; what cannot be understood is refused with the reason. */
export function restoreAudience(raw: unknown): RestoredAudience {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return refused(raw, 'The stored audience is not an object.', 'Сохранённая аудитория — не объект.');
  let record = { ...(raw as Record<string, unknown>) };
  const version = typeof record.version === 'number' ? record.version : Number.NaN;
  if (!Number.isInteger(version) || version < 1) return refused(raw, 'The stored audience has no valid version.', 'У сохранённой аудитории нет корректной версии.');
  if (version > AUDIENCE_VERSION) {
    return refused(raw, `This audience was saved by a newer ChainLab (format ${version}; this one reads up to ${AUDIENCE_VERSION}).`, `Аудиторию сохранила более новая версия ChainLab (формат ${version}; эта читает до ${AUDIENCE_VERSION}).`);
  }
  const migrated: string[] = [];
  try {
    for (const migration of AUDIENCE_MIGRATIONS) {
      if (migration.to <= (record.version as number)) continue;
      record = { ...migration.migrate(record), version: migration.to };
      migrated.push(migration.id);
    }
  } catch (error) {
    return refused(raw, `The audience could not be brought up to date: ${String(error)}`, `Аудиторию не удалось обновить: ${String(error)}`);
  }
  const parsed = savedAudienceSchema.safeParse(record);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.join('.') || 'record';
    return refused(raw, `The stored audience is not valid at ${where}: ${first.message}.`, `Сохранённая аудитория некорректна в ${where}: ${first.message}.`);
  }
  return { ok: true, audience: parsed.data, migrated };
}

/** The conditions of saved audiences by id: what `compileCondition` and the simulator's `settings.audiences` take. */
export function audienceConditions(audiences: readonly Pick<SavedAudience, 'id' | 'condition'>[]): Record<string, ConditionGroup> {
  return Object.fromEntries(audiences.map((audience) => [audience.id, audience.condition]));
}
