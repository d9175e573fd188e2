import { getDatabase } from '../../src/db';
import { SETTING_KEYS } from '../../src/db/records/settingFormats';
import { setSetting } from '../../src/db/repositories/settingsRepository';
import { createWorkspace } from '../../src/db/repositories/workspaceRepository';
import { engineWorker } from '../../src/workers/engineClient';
import { fileOf } from './importBench';

/**
 * The runs benchmark's large workspace: the events File in the bench input imported (as a user's
 * import does, through the import worker) into a new workspace that becomes the active one, so
 * the app opened next in the same browser context shows it.
 */
async function importRunsWorkspace(name: string): Promise<{ workspaceId: string; accepted: number }> {
  const db = getDatabase();
  const workspace = await createWorkspace(db, { name, timeZone: 'UTC' });
  const { report } = await engineWorker('import').call('run', { workspaceId: workspace.id, file: fileOf(), choices: { timeZone: 'UTC', kind: 'events' } });
  await setSetting(db, SETTING_KEYS.activeWorkspaceId, workspace.id);
  return { workspaceId: workspace.id, accepted: report.accepted };
}

export const runsBenchmarks = { importRunsWorkspace };
