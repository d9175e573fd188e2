import { UserFacingError } from '../../domain';
import {
  CHAIN_FORMAT_VERSION,
  isValid,
  MAX_LABEL_LENGTH,
  restoreChain,
  validateChain,
  type Chain,
  type RestoreNote,
  type SetAsideItem,
} from '../../domain/chains';
import type { WorkspaceVocabulary } from '../../domain/conditions';
import type { LocalizedText } from '../../domain/text';
import { newId } from '../database';
import type { ChainLabDatabase, ChainRecord, ChainVersionRecord, StoredChain } from '../schema';

/**
 * Chains of a workspace and their history (data-model.md "Chain": every saved change keeps
 * history; named versions). Rows are written as `Chain + version` (CHAIN_FORMAT_VERSION) and read
 * back only through `restoreChain`: an older row is migrated, and a row that cannot be understood
 * is listed apart with the reason — never dropped, never replaced by defaults.
 *
 * History: `saveChain` (the editor's autosave) keeps a snapshot of what it replaces when the
 * newest snapshot is older than AUTOSAVE_SNAPSHOT_MS, so rapid edits make one step, and keeps the
 * newest MAX_AUTO_SNAPSHOTS unnamed snapshots per chain; named versions are kept until the chain
 * is deleted. Restoring a version first snapshots the current state, so a restore can be undone.
 */
export const AUTOSAVE_SNAPSHOT_MS = 5 * 60_000;
export const MAX_AUTO_SNAPSHOTS = 50;

export interface ChainListItem {
  id: string;
  name: string;
  stage: string | null;
  templateId: string | null;
  nodeCount: number;
  errors: number;
  warnings: number;
  isValid: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A stored chain that could not be read: shown apart, with why, and kept. */
export interface UnreadableChain {
  id: string;
  name: string;
  updatedAt: number;
  message: LocalizedText;
}

export interface LoadedChain {
  chain: Chain;
  createdAt: number;
  updatedAt: number;
  /** what restore had to do to read it (older version, unknown fields) */
  repairs: RestoreNote[];
  setAside: SetAsideItem[];
}

type ReadResult = { ok: true; loaded: LoadedChain } | { ok: false; unreadable: UnreadableChain };

/**
 * The one load policy for chains (src/db/records, STORED_CHAIN): the chain model's own restore
 * migrates, repairs and validates. A row it cannot understand is returned apart with why (the
 * Chains screen lists it so) and left in the table as it is.
 */
function readRecord(record: ChainRecord): ReadResult {
  const { workspaceId: _workspace, createdAt, updatedAt, ...body } = record;
  const result = restoreChain(body);
  if (!result.ok) return { ok: false, unreadable: { id: record.id, name: typeof record.name === 'string' ? record.name : record.id, updatedAt, message: result.message } };
  return { ok: true, loaded: { chain: result.chain, createdAt, updatedAt, repairs: result.repairs, setAside: result.setAside } };
}

/**
 * The model's reasons in both languages, as the flat parameters of a UserFacingError:
 * `reason` (English) and `reasonRu`; errorMessage() shows the one of the interface language.
 */
function reasonParams(reasons: LocalizedText[]): { reason: string; reasonRu: string } {
  return { reason: reasons.map((text) => text.en).join(' '), reasonRu: reasons.map((text) => text.ru).join(' ') };
}

function checkedName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw new UserFacingError('chain.nameEmpty', 'The chain name is empty.');
  if (name.length > MAX_LABEL_LENGTH) throw new UserFacingError('chain.nameTooLong', `The chain name is longer than ${MAX_LABEL_LENGTH} characters.`, { max: MAX_LABEL_LENGTH });
  return name;
}

/** The chain exactly as it will be read back; refuses one that would not be (a bug in the caller, not user input). */
function storable(chain: Chain): StoredChain {
  const result = restoreChain(chain, CHAIN_FORMAT_VERSION);
  if (!result.ok || result.repairs.length || result.setAside.length) {
    const reasons = result.ok ? [...result.repairs.map((note) => note.message), ...result.setAside.map((item) => item.reason)] : [result.message];
    const reason = reasonParams(reasons);
    throw new UserFacingError('chain.notStorable', `The chain cannot be saved as it is: ${reason.reason}`, reason);
  }
  return { ...result.chain, version: CHAIN_FORMAT_VERSION };
}

async function unusedChainName(db: ChainLabDatabase, workspaceId: string, base: string): Promise<string> {
  const taken = new Set((await db.chains.where('workspaceId').equals(workspaceId).toArray()).map((record) => String(record.name).toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/**
 * Every chain of a workspace, newest edit first, with its validity; rows that cannot be read come
 * apart. With the workspace's vocabulary the check also counts names the data lacks (warnings),
 * as the editor's check does.
 */
export async function listChains(db: ChainLabDatabase, workspaceId: string, { vocabulary }: { vocabulary?: WorkspaceVocabulary | null } = {}): Promise<{ chains: ChainListItem[]; unreadable: UnreadableChain[] }> {
  const records = await db.chains.where('workspaceId').equals(workspaceId).toArray();
  const chains: ChainListItem[] = [];
  const unreadable: UnreadableChain[] = [];
  for (const record of records) {
    const read = readRecord(record);
    if (!read.ok) {
      unreadable.push(read.unreadable);
      continue;
    }
    const { chain, createdAt, updatedAt } = read.loaded;
    const findings = validateChain(chain, vocabulary ? { vocabulary } : {});
    const errorFindings = findings.filter((item) => item.severity === 'error').length;
    // Parts set aside on reading count as errors: the chain is not what was saved.
    const errors = errorFindings + read.loaded.setAside.length;
    chains.push({ id: chain.id, name: chain.name, stage: chain.stage, templateId: chain.templateId, nodeCount: chain.nodes.length, errors, warnings: findings.length - errorFindings, isValid: isValid(findings) && !read.loaded.setAside.length, createdAt, updatedAt });
  }
  chains.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  return { chains, unreadable };
}

/** undefined: no such chain; `ok: false`: it exists but cannot be read (with why). */
export async function getChain(db: ChainLabDatabase, id: string): Promise<ReadResult | undefined> {
  const record = await db.chains.get(id);
  return record ? readRecord(record) : undefined;
}

/**
 * Stores a new chain (blank, from a template, imported from a file) under a fresh id, with a
 * name not yet used in the workspace ("Abandoned cart 2").
 */
export async function createChainRecord(db: ChainLabDatabase, workspaceId: string, chain: Chain, now = Date.now()): Promise<Chain> {
  return db.transaction('rw', db.chains, async () => {
    const name = await unusedChainName(db, workspaceId, checkedName(chain.name));
    const stored = storable({ ...chain, id: newId(), name });
    await db.chains.add({ ...stored, workspaceId, createdAt: now, updatedAt: now });
    const { version: _version, ...created } = stored;
    return created;
  });
}

function snapshotOf(record: ChainRecord, now: number, name?: string): ChainVersionRecord {
  const { workspaceId, createdAt: _created, updatedAt: _updated, ...snapshot } = record;
  return { id: newId(), chainId: record.id, workspaceId, createdAt: now, ...(name === undefined ? {} : { name }), snapshot };
}

async function pruneAutoSnapshots(db: ChainLabDatabase, chainId: string): Promise<void> {
  const unnamed = (await db.chainVersions.where('[chainId+createdAt]').between([chainId, -Infinity], [chainId, Infinity]).toArray()).filter((version) => version.name === undefined);
  const extra = unnamed.length - MAX_AUTO_SNAPSHOTS;
  if (extra > 0) await db.chainVersions.bulkDelete(unnamed.slice(0, extra).map((version) => version.id));
}

async function latestSnapshotAt(db: ChainLabDatabase, chainId: string): Promise<number> {
  const latest = await db.chainVersions.where('[chainId+createdAt]').between([chainId, -Infinity], [chainId, Infinity]).last();
  return latest?.createdAt ?? Number.NEGATIVE_INFINITY;
}

/**
 * The editor's save (autosave included): replaces the stored chain, first keeping a snapshot of
 * what it replaces when the last snapshot is older than AUTOSAVE_SNAPSHOT_MS (or `isStep` asks).
 */
export async function saveChain(db: ChainLabDatabase, chain: Chain, options: { now?: number; isStep?: boolean } = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const stored = storable({ ...chain, name: checkedName(chain.name) });
  await db.transaction('rw', db.chains, db.chainVersions, async () => {
    const current = await db.chains.get(chain.id);
    if (!current) throw new UserFacingError('chain.notFound', 'The chain no longer exists.');
    if (options.isStep || now - (await latestSnapshotAt(db, chain.id)) >= AUTOSAVE_SNAPSHOT_MS) {
      await db.chainVersions.add(snapshotOf(current, now));
      await pruneAutoSnapshots(db, chain.id);
    }
    await db.chains.put({ ...stored, workspaceId: current.workspaceId, createdAt: current.createdAt, updatedAt: now });
  });
}

export async function renameChain(db: ChainLabDatabase, id: string, name: string, now = Date.now()): Promise<void> {
  const checked = checkedName(name);
  // modify(), not update(): Dexie's update typing recurses without end on nested conditions.
  const updated = await db.chains.where('id').equals(id).modify((record) => {
    record.name = checked;
    record.updatedAt = now;
  });
  if (!updated) throw new UserFacingError('chain.notFound', 'The chain no longer exists.');
}

/** Keeps the chain as it is now under a name (kept until the chain is deleted). */
export async function saveNamedVersion(db: ChainLabDatabase, chainId: string, name: string, now = Date.now()): Promise<ChainVersionRecord> {
  const checked = checkedName(name);
  return db.transaction('rw', db.chains, db.chainVersions, async () => {
    const current = await db.chains.get(chainId);
    if (!current) throw new UserFacingError('chain.notFound', 'The chain no longer exists.');
    const version = snapshotOf(current, now, checked);
    await db.chainVersions.add(version);
    return version;
  });
}

export interface ChainVersionItem {
  id: string;
  createdAt: number;
  name: string | null;
  nodeCount: number | null;
}

/** The history of a chain, newest first. */
export async function listChainVersions(db: ChainLabDatabase, chainId: string): Promise<ChainVersionItem[]> {
  const versions = await db.chainVersions.where('[chainId+createdAt]').between([chainId, -Infinity], [chainId, Infinity]).reverse().toArray();
  return versions.map((version) => ({ id: version.id, createdAt: version.createdAt, name: version.name ?? null, nodeCount: Array.isArray(version.snapshot.nodes) ? version.snapshot.nodes.length : null }));
}

/** Makes a version the current chain (after snapshotting the current one). Refuses a version that cannot be read, saying why. */
export async function restoreChainVersion(db: ChainLabDatabase, versionId: string, now = Date.now()): Promise<LoadedChain> {
  return db.transaction('rw', db.chains, db.chainVersions, async () => {
    const version = await db.chainVersions.get(versionId);
    if (!version) throw new UserFacingError('chain.versionNotFound', 'The version no longer exists.');
    const current = await db.chains.get(version.chainId);
    if (!current) throw new UserFacingError('chain.notFound', 'The chain no longer exists.');
    const result = restoreChain(version.snapshot);
    if (!result.ok) throw new UserFacingError('chain.versionUnreadable', result.message.en, reasonParams([result.message]));
    const chain = { ...result.chain, id: current.id };
    await db.chainVersions.add(snapshotOf(current, now));
    await db.chains.put({ ...storable(chain), workspaceId: current.workspaceId, createdAt: current.createdAt, updatedAt: now });
    await pruneAutoSnapshots(db, current.id);
    return { chain, createdAt: current.createdAt, updatedAt: now, repairs: result.repairs, setAside: result.setAside };
  });
}

/** A copy under a new id and name ("Welcome (copy)"), without the original's history. */
export async function duplicateChain(db: ChainLabDatabase, id: string, copyName: (name: string) => string, now = Date.now()): Promise<Chain> {
  const read = await getChain(db, id);
  if (!read) throw new UserFacingError('chain.notFound', 'The chain no longer exists.');
  if (!read.ok) throw new UserFacingError('chain.unreadable', read.unreadable.message.en, reasonParams([read.unreadable.message]));
  const record = await db.chains.get(id);
  return createChainRecord(db, record!.workspaceId, { ...read.loaded.chain, name: copyName(read.loaded.chain.name) }, now);
}

/** Deletes a chain and its whole history, in one transaction. */
export async function deleteChain(db: ChainLabDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.chains, db.chainVersions, async () => {
    await db.chainVersions.where('chainId').equals(id).delete();
    await db.chains.delete(id);
  });
}
