import { z } from 'zod';

/**
 * The workspace file (`*.chainlab`): a whole workspace in one file, for a trainer to hand to a
 * workshop or a user to keep. Layout: the ASCII line `MAGIC` (so a foreign file is told at once,
 * without decompressing anything), then a gzip stream of frames (frameCodec.ts):
 *
 *   header · rows … · end
 *
 * `header` says the file's format version, what it holds and counts; each `rows` frame holds
 * rows of one table exactly as the database stores them (each row keeps its own record format
 * or model version, so the app's record policy migrates old rows on import like it does on
 * load); `end` counts the frames and rows, so a file cut short is told from a complete one even
 * when the cut falls between frames.
 *
 * Changing the file's layout: bump WORKSPACE_FILE_VERSION and add a numbered migration that
 * brings a frame of the previous version forward (WORKSPACE_FILE_MIGRATIONS). Never edit a
 * shipped migration.
 */
export const WORKSPACE_FILE_MAGIC = 'CHAINLAB-WORKSPACE\n';
export const WORKSPACE_FILE_VERSION = 1;
export const WORKSPACE_FILE_EXTENSION = '.chainlab';
export const WORKSPACE_FILE_MIME = 'application/x-chainlab-workspace';

/** The tables a workspace file carries; caches are left out (recomputed), and so are batches that never finished. */
export const WORKSPACE_FILE_TABLES = [
  'workspaces',
  'importBatches',
  'dictionaries',
  'blocks',
  'chains',
  'chainVersions',
  'runs',
  'workspaceSettings',
  'audiences',
  'mappingPresets',
] as const;
export type WorkspaceFileTable = (typeof WORKSPACE_FILE_TABLES)[number];

const count = z.number().int().min(0);

export const workspaceFileHeaderSchema = z.looseObject({
  kind: z.literal('header'),
  fileVersion: z.number().int().min(1),
  app: z.literal('ChainLab'),
  exportedAt: z.number(),
  workspaceName: z.string(),
  isPseudonymised: z.boolean(),
  /** customers, events and rows by table: shown before importing, checked against the end frame */
  counts: z.looseObject({ customers: count, events: count }),
});
export type WorkspaceFileHeader = z.infer<typeof workspaceFileHeaderSchema>;

export const workspaceRowsFrameSchema = z.looseObject({
  kind: z.literal('rows'),
  table: z.enum(WORKSPACE_FILE_TABLES),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type WorkspaceRowsFrame = z.infer<typeof workspaceRowsFrameSchema>;

export const workspaceEndFrameSchema = z.looseObject({
  kind: z.literal('end'),
  frames: count,
  rows: z.record(z.string(), count),
});
export type WorkspaceEndFrame = z.infer<typeof workspaceEndFrameSchema>;

export type WorkspaceFileFrame = WorkspaceFileHeader | WorkspaceRowsFrame | WorkspaceEndFrame;

export interface WorkspaceFileMigration {
  /** `file/<to>-<what>` */
  id: string;
  /** the file version it produces, from `to - 1` */
  to: number;
  /** brings one frame (header, rows or end) of version `to - 1` to version `to` */
  migrate(frame: Record<string, unknown>): Record<string, unknown>;
}

/** None yet: version 1 is the first. */
export const WORKSPACE_FILE_MIGRATIONS: readonly WorkspaceFileMigration[] = [];

/**
 * Why a file cannot be imported; the interface says it in the user's language
 * (`workspaceFile.problem.<code>`), with `detail` as the technical part.
 */
export type WorkspaceFileProblemCode = 'foreign' | 'newer' | 'truncated' | 'corrupt' | 'invalidRow' | 'empty';

export class WorkspaceFileProblem extends Error {
  readonly code: WorkspaceFileProblemCode;
  readonly detail: string;
  constructor(code: WorkspaceFileProblemCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'WorkspaceFileProblem';
    this.code = code;
    this.detail = detail;
  }
}

export interface WorkspaceFileRules {
  current: number;
  migrations: readonly WorkspaceFileMigration[];
}

export const WORKSPACE_FILE_RULES: WorkspaceFileRules = { current: WORKSPACE_FILE_VERSION, migrations: WORKSPACE_FILE_MIGRATIONS };

/** Brings a frame written by file version `from` to the current one (the header's version applies to every frame). */
export function migrateFrame(frame: Record<string, unknown>, from: number, rules: WorkspaceFileRules = WORKSPACE_FILE_RULES): Record<string, unknown> {
  let value = frame;
  for (let to = from + 1; to <= rules.current; to++) {
    for (const migration of rules.migrations.filter((step) => step.to === to)) {
      try {
        value = migration.migrate(value);
      } catch (error) {
        throw new WorkspaceFileProblem('corrupt', `${migration.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return value;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'frame'}: ${issue.message}` : 'invalid frame';
}

/** The header, checked: a file of a newer version is refused before anything else is read. */
export function readHeader(raw: unknown, rules: WorkspaceFileRules = WORKSPACE_FILE_RULES): { header: WorkspaceFileHeader; fromVersion: number } {
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!record || record.kind !== 'header') throw new WorkspaceFileProblem('foreign', 'the file does not begin with a workspace header');
  const fromVersion = record.fileVersion;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 1) throw new WorkspaceFileProblem('corrupt', `unknown file version ${JSON.stringify(fromVersion)}`);
  if (fromVersion > rules.current) throw new WorkspaceFileProblem('newer', `file version ${fromVersion}; this ChainLab reads up to ${rules.current}`);
  const parsed = workspaceFileHeaderSchema.safeParse({ ...migrateFrame(record, fromVersion, rules), fileVersion: rules.current });
  if (!parsed.success) throw new WorkspaceFileProblem('corrupt', `header: ${describe(parsed.error)}`);
  return { header: parsed.data, fromVersion };
}

/** A frame after the header: rows, or the end. */
export function readBodyFrame(raw: unknown, fromVersion: number, rules: WorkspaceFileRules = WORKSPACE_FILE_RULES): WorkspaceRowsFrame | WorkspaceEndFrame {
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!record) throw new WorkspaceFileProblem('corrupt', 'a frame is not an object');
  const migrated = migrateFrame(record, fromVersion, rules);
  const schema = migrated.kind === 'end' ? workspaceEndFrameSchema : workspaceRowsFrameSchema;
  const parsed = schema.safeParse(migrated);
  if (!parsed.success) throw new WorkspaceFileProblem('corrupt', describe(parsed.error));
  return parsed.data;
}

/** The file name offered on export: the workspace's name made safe for every file system. */
export function workspaceFileName(workspaceName: string, isPseudonymised: boolean): string {
  // control characters are refused by some file systems, as are the printable ones listed
  // eslint-disable-next-line no-control-regex
  const safe = workspaceName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'workspace';
  return `${safe}${isPseudonymised ? ' (pseudonymised)' : ''}${WORKSPACE_FILE_EXTENSION}`;
}
