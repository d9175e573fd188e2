import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { createWorkspace, getWorkspaceSetting, setWorkspaceSetting, type ChainLabDatabase } from '../../db';
import { assignItem, defaultInactionSettings, defaultLifecycleSettings, defaultStageMapping, stageOfItem } from '../../domain/journey';
import { JOURNEY_SETTING_NAMES, loadJourneySettings, saveJourneySetting, updateStageMapping } from './journeySettings';

let db: ChainLabDatabase;
let workspaceId: string;

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Settings' })).id;
});

afterEach(async () => {
  await db.delete();
});

describe('journey settings of a workspace', () => {
  it('start from the defaults and keep what is saved', async () => {
    expect(await loadJourneySettings(workspaceId, db)).toEqual({
      mapping: defaultStageMapping(),
      lifecycle: defaultLifecycleSettings(),
      inaction: defaultInactionSettings(),
      problems: [],
    });
    const mapping = assignItem(defaultStageMapping(), 'cart_add', 'interest');
    await saveJourneySetting(workspaceId, 'mapping', mapping, db);
    await saveJourneySetting(workspaceId, 'lifecycle', { ...defaultLifecycleSettings(), activeDays: 60 }, db);
    const loaded = await loadJourneySettings(workspaceId, db);
    expect(loaded.mapping).toEqual(mapping);
    expect(loaded.lifecycle.activeDays).toBe(60);
    const other = (await createWorkspace(db, { name: 'Other' })).id;
    expect((await loadJourneySettings(other, db)).mapping).toEqual(defaultStageMapping());
  });

  it('report a stored value that does not validate, use the defaults and leave it untouched', async () => {
    const broken = { version: 1, stages: [{ id: 'awareness' }], assignments: { cart_add: 'nowhere' } };
    await setWorkspaceSetting(db, workspaceId, JOURNEY_SETTING_NAMES.mapping, broken);
    await setWorkspaceSetting(db, workspaceId, JOURNEY_SETTING_NAMES.lifecycle, { version: 1, newDays: 'thirty' });
    const loaded = await loadJourneySettings(workspaceId, db);
    expect(loaded.mapping).toEqual(defaultStageMapping());
    expect(loaded.problems).toEqual([
      { kind: 'mapping', error: { reason: 'assignments.cart_add: stage "nowhere" does not exist', why: { code: 'invalid', detail: 'assignments.cart_add: stage "nowhere" does not exist' } } },
      { kind: 'lifecycle', error: { reason: expect.stringMatching(/^newDays: /), why: { code: 'invalid', detail: expect.stringMatching(/^newDays: /) } } },
    ]);
    expect(await getWorkspaceSetting(db, workspaceId, JOURNEY_SETTING_NAMES.mapping, null)).toEqual(broken);
  });

  it('apply quick successive mapping edits each to the result of the one before', async () => {
    await Promise.all([
      updateStageMapping(workspaceId, (mapping) => assignItem(mapping, 'cart_add', 'interest'), db),
      updateStageMapping(workspaceId, (mapping) => assignItem(mapping, 'store_visit', 'awareness'), db),
    ]);
    const { mapping } = await loadJourneySettings(workspaceId, db);
    expect(stageOfItem(mapping, 'cart_add')).toBe('interest');
    expect(stageOfItem(mapping, 'store_visit')).toBe('awareness');
    await expect(updateStageMapping(workspaceId, (current) => assignItem(current, 'x', 'nowhere'), db)).rejects.toThrow(/does not exist/);
    expect((await loadJourneySettings(workspaceId, db)).mapping).toEqual(mapping);
  });
});
