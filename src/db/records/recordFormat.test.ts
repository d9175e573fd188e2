import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../testing/testDatabase';
import { AUDIENCE_EXPORT_SETTING_NAME, createWorkspace, getWorkspace, listWorkspaces, loadWorkspaceSetting, setWorkspaceSetting, type ChainLabDatabase } from '..';
import { defaultRfmSettings } from '../../domain/rfm';
import { loadRecord, type RecordFormat } from './recordFormat';
import { onStorageProblem, type StorageProblem } from './storageProblems';

/** A record type at format 3, with a migration for each step and a repair. */
const NOTE: RecordFormat<{ id: string; text: string; tags: string[]; pinned: boolean }> = {
  what: 'note',
  current: 3,
  migrations: [
    { id: 'note/2-body-to-text', to: 2, migrate: ({ body, ...rest }) => ({ ...rest, text: body }) },
    { id: 'note/3-tags-list', to: 3, migrate: (raw) => ({ ...raw, tags: String(raw.tags ?? '').split(',').filter(Boolean) }) },
  ],
  repair: (raw) => (raw.pinned === undefined ? { value: { ...raw, pinned: false }, repairs: ['pinned was not saved: false'] } : { value: raw, repairs: [] }),
  schema: z.object({ id: z.string(), text: z.string(), tags: z.array(z.string()), pinned: z.boolean(), format: z.number().optional() }),
};

describe('the load policy of stored records', () => {
  it('migrates step by step from the format a record was written in, each step once, then repairs and validates', () => {
    expect(loadRecord(NOTE, { id: 'n', body: 'hello', tags: 'a,b' })).toEqual({
      ok: true,
      value: { id: 'n', text: 'hello', tags: ['a', 'b'], pinned: false },
      fromFormat: 1,
      migrations: ['note/2-body-to-text', 'note/3-tags-list'],
      repairs: ['pinned was not saved: false'],
    });
    expect(loadRecord(NOTE, { id: 'n', text: 'hi', tags: 'x', format: 2, pinned: true })).toMatchObject({ ok: true, migrations: ['note/3-tags-list'], repairs: [] });
    expect(loadRecord(NOTE, { id: 'n', text: 'hi', tags: [], format: 3, pinned: true })).toMatchObject({ ok: true, fromFormat: 3, migrations: [] });
  });

  it('does not use what it cannot understand, and says why', () => {
    expect(loadRecord(NOTE, { id: 'n', text: 'hi', tags: [], format: 4 })).toEqual({ ok: false, fromFormat: 4, reason: 'written by a newer ChainLab (format 4; this version reads up to 3)', why: { code: 'newer', format: 4, current: 3 } });
    expect(loadRecord(NOTE, { id: 'n', text: 7, tags: [], format: 3 })).toEqual({ ok: false, fromFormat: 3, reason: 'text: Invalid input: expected string, received number', why: { code: 'invalid', detail: 'text: Invalid input: expected string, received number' } });
    expect(loadRecord(NOTE, { id: 'n', format: 'two' })).toMatchObject({ ok: false, reason: 'unknown format "two"' });
    expect(loadRecord(NOTE, 'not a record')).toMatchObject({ ok: false, reason: 'not a record' });
    const broken: RecordFormat<unknown> = { ...NOTE, migrations: [{ id: 'note/2-fails', to: 2, migrate: () => { throw new Error('no body'); } }] };
    expect(loadRecord(broken, { id: 'n' })).toMatchObject({ ok: false, reason: 'could not be brought from format 1 to 3: no body', why: { code: 'notMigrated', format: 1, current: 3, detail: 'no body' } });
  });
});

describe('stored records in the database', () => {
  let db: ChainLabDatabase;
  const problems: StorageProblem[] = [];
  let stop: () => void;
  beforeEach(() => {
    db = createTestDatabase();
    problems.length = 0;
    stop = onStorageProblem((problem) => problems.push(problem));
  });
  afterEach(async () => {
    stop();
    await db.delete();
  });

  it('are written with their format', async () => {
    const workspace = await createWorkspace(db, { name: 'Formats' });
    expect(await db.workspaces.get(workspace.id)).toMatchObject({ format: 1 });
    await setWorkspaceSetting(db, workspace.id, 'rfm', defaultRfmSettings());
    expect(await db.workspaceSettings.get([workspace.id, 'rfm'])).toMatchObject({ format: 1 });
    await expect(setWorkspaceSetting(db, workspace.id, 'somethingNew', { a: 1 })).rejects.toThrow(/register it in WORKSPACE_SETTING_FORMATS/);
  });

  it('set aside a workspace that cannot be read: reported, not listed, left as it was', async () => {
    const good = await createWorkspace(db, { name: 'Good' });
    const bad = { ...(await createWorkspace(db, { name: 'Bad' })), dataVersion: 'many' };
    await db.workspaces.put(bad as never);
    expect((await listWorkspaces(db)).map((workspace) => workspace.name)).toEqual(['Good']);
    expect(await getWorkspace(db, good.id)).toMatchObject({ name: 'Good' });
    expect(problems).toEqual([{ table: 'workspaces', key: bad.id, what: 'workspace', reason: 'dataVersion: Invalid input: expected number, received string', why: { code: 'invalid', detail: 'dataVersion: Invalid input: expected number, received string' } }]);
    expect(await db.workspaces.get(bad.id)).toMatchObject({ dataVersion: 'many', name: 'Bad' });
  });

  it('remember the audience export columns per workspace, versioned; an unreadable value is reported and left as it was', async () => {
    const { id } = await createWorkspace(db, { name: 'Export' });
    const other = await createWorkspace(db, { name: 'Other' });
    expect(await loadWorkspaceSetting(db, id, AUDIENCE_EXPORT_SETTING_NAME)).toEqual({ state: 'absent' });
    await setWorkspaceSetting(db, id, AUDIENCE_EXPORT_SETTING_NAME, { version: 1, columns: ['id', 'consent.email', 'attrs.city'] });
    expect(await db.workspaceSettings.get([id, AUDIENCE_EXPORT_SETTING_NAME])).toMatchObject({ format: 1 });
    expect(await loadWorkspaceSetting(db, id, AUDIENCE_EXPORT_SETTING_NAME)).toEqual({ state: 'loaded', value: { version: 1, columns: ['id', 'consent.email', 'attrs.city'] }, repairs: [] });
    expect(await loadWorkspaceSetting(db, other.id, AUDIENCE_EXPORT_SETTING_NAME)).toEqual({ state: 'absent' });
    await db.workspaceSettings.put({ workspaceId: id, name: AUDIENCE_EXPORT_SETTING_NAME, value: { version: 1, columns: [] }, format: 1, updatedAt: 0 });
    expect(await loadWorkspaceSetting(db, id, AUDIENCE_EXPORT_SETTING_NAME)).toMatchObject({ state: 'unreadable', what: 'audienceExportColumns', reason: 'columns: at least one column' });
    expect((await db.workspaceSettings.get([id, AUDIENCE_EXPORT_SETTING_NAME]))!.value).toEqual({ version: 1, columns: [] });
    expect(problems.map((problem) => problem.what)).toEqual(['audienceExportColumns']);
  });

  it('report settings they cannot read instead of replacing them, and fill in fields an older version did not save', async () => {
    const { id } = await createWorkspace(db, { name: 'Settings' });
    const { compareFrom: _missing, ...older } = { ...defaultRfmSettings(), levels: 4 as const };
    await db.workspaceSettings.put({ workspaceId: id, name: 'rfm', value: older, updatedAt: 0 });
    expect(await loadWorkspaceSetting(db, id, 'rfm')).toEqual({ state: 'loaded', value: { ...defaultRfmSettings(), levels: 4 }, repairs: ['compareFrom was not saved: the default is used'] });
    await db.workspaceSettings.put({ workspaceId: id, name: 'rfm', value: { ...defaultRfmSettings(), levels: 7 }, updatedAt: 0 });
    expect(await loadWorkspaceSetting(db, id, 'rfm')).toMatchObject({ state: 'unreadable', what: 'rfmSettings', reason: expect.stringMatching(/^levels: /) });
    await db.workspaceSettings.put({ workspaceId: id, name: 'rfm', value: { ...defaultRfmSettings(), version: 2 }, updatedAt: 0 });
    expect(await loadWorkspaceSetting(db, id, 'rfm')).toMatchObject({ state: 'unreadable', reason: 'written by a newer ChainLab (format 2; this version reads up to 1)' });
    expect((await db.workspaceSettings.get([id, 'rfm']))!.value).toMatchObject({ version: 2 });
    expect(problems.map((problem) => problem.what)).toEqual(['rfmSettings', 'rfmSettings']);
  });
});
