import { restoreAudience, type SavedAudience } from '../../domain/audiences/audience';
import { audienceCycle, cycleMessage } from '../../domain/audiences/membership';
import { UserFacingError } from '../../domain/errors';
import type { LocalizedText } from '../../domain/text';
import type { ChainLabDatabase } from '../schema';

/**
 * Saved audiences of a workspace (issue 15). Rows are the domain's versioned record, read only
 * through `restoreAudience`: an unreadable row is listed apart with the reason (both languages)
 * and stays in the table as it is. Ids are per workspace (the key is [workspaceId+id]).
 */
export interface AudienceList {
  audiences: SavedAudience[];
  unreadable: { id: string; name: string; message: LocalizedText }[];
}

/** By name (the user's language's collation is the screen's business; here: code points, then id). */
export async function listAudiences(db: ChainLabDatabase, workspaceId: string): Promise<AudienceList> {
  const rows = await db.audiences.where('workspaceId').equals(workspaceId).toArray();
  const list: AudienceList = { audiences: [], unreadable: [] };
  for (const row of rows) {
    const restored = restoreAudience(row);
    if (restored.ok) list.audiences.push(restored.audience);
    else list.unreadable.push({ id: restored.id, name: restored.name, message: restored.message });
  }
  list.audiences.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return list;
}

/** Saves (creates or replaces) an audience: refused when its name is empty or taken, or when it would include itself through others. */
export async function saveAudience(db: ChainLabDatabase, audience: SavedAudience): Promise<SavedAudience> {
  return db.transaction('rw', db.audiences, async () => {
    const checked = restoreAudience(audience);
    if (!checked.ok) throw new UserFacingError('audience.invalid', checked.message.en, { reason: checked.message.en });
    const { audiences } = await listAudiences(db, audience.workspaceId);
    const name = checked.audience.name.trim();
    if (audiences.some((other) => other.id !== audience.id && other.name.trim().toLowerCase() === name.toLowerCase())) {
      throw new UserFacingError('audience.nameTaken', `An audience named "${name}" already exists in this workspace.`, { name });
    }
    const cycle = audienceCycle(checked.audience, audiences);
    if (cycle) {
      const named = [...audiences, checked.audience];
      const names = cycle.map((id) => named.find((item) => item.id === id)?.name ?? id).join(' → ');
      throw new UserFacingError('audience.cycle', cycleMessage(cycle, named).en, { names });
    }
    const saved = { ...checked.audience, name };
    await db.audiences.put({ ...saved });
    return saved;
  });
}

export async function deleteAudience(db: ChainLabDatabase, workspaceId: string, id: string): Promise<void> {
  await db.audiences.delete([workspaceId, id]);
}

/** A new audience id, unique in the workspace. */
export function newAudienceId(): string {
  return `aud-${Date.now().toString(36)}-${Math.floor(Math.random() * 0x100000).toString(36)}`;
}

/**
 * The chains (names) whose trigger or filters name the audience: a rename or delete warns about
 * them. Read raw — a chain this build cannot restore still counts, since it names the id.
 */
export async function chainsNamingAudience(db: ChainLabDatabase, workspaceId: string, audienceId: string): Promise<string[]> {
  const needle = `"audienceId":${JSON.stringify(audienceId)}`;
  const rows = await db.chains.where('workspaceId').equals(workspaceId).toArray();
  return rows.filter((row) => JSON.stringify(row).includes(needle)).map((row) => String(row.name));
}
