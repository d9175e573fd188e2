import type { LocalizedText } from '../text';
import { isNodeKind, nodeMigrations } from './nodes/registry';
import type { NodeMigration } from './nodes/module';
import { fromPlaceholderRecord } from './placeholderMigration';
import { isRecord, type RawChain } from './raw';

/**
 * Chain format versions and the migrations between them (tldraw's record migrations, one
 * sequence per record type). The format version is one integer for the whole chain — in a chain
 * file's envelope, in a stored record. Going from version v − 1 to v runs the chain-level
 * migrations numbered v, then, for every node, its kind's migrations numbered v.
 *
 * History:
 * - 0: the foundation's placeholder record (src/domain/model/chain.ts before the editor): no
 *   version field, each node's options in an open `config` object, settings an open object.
 * - 1: this model (cli.md's chain file `"version": 1`).
 *
 * A migration only reshapes; restore.ts then repairs and validates. A migration that fills in
 * something the old version did not have says so through `note`, which restore reports.
 */
export const CHAIN_FORMAT_VERSION = 1;

export interface ChainMigration {
  id: string;
  version: number;
  migrate(chain: RawChain, note: (text: LocalizedText) => void): RawChain;
}

export interface MigrationSet {
  currentVersion: number;
  chain: readonly ChainMigration[];
  nodes(kind: string): readonly NodeMigration[];
}

export const CHAIN_MIGRATIONS: readonly ChainMigration[] = [{ id: 'chain/1-from-placeholder-record', version: 1, migrate: fromPlaceholderRecord }];

export const CURRENT_MIGRATIONS: MigrationSet = {
  currentVersion: CHAIN_FORMAT_VERSION,
  chain: CHAIN_MIGRATIONS,
  nodes: (kind) => (isNodeKind(kind) ? nodeMigrations(kind) : []),
};

/** Every migration id of a set, chain-level and per node kind (for the test that proves each ran). */
export function allMigrationIds(set: MigrationSet, kinds: readonly string[]): string[] {
  return [...set.chain.map((migration) => migration.id), ...kinds.flatMap((kind) => set.nodes(kind).map((migration) => migration.id))];
}

export interface MigrationOutcome {
  chain: RawChain;
  /** ids of the migrations that ran, in order, each once (a node migration ran on every node of its kind) */
  applied: string[];
  notes: LocalizedText[];
}

/** Runs every step from `fromVersion` to the set's current version. Throws what a migration throws. */
export function migrateChain(raw: RawChain, fromVersion: number, set: MigrationSet = CURRENT_MIGRATIONS): MigrationOutcome {
  let chain = raw;
  const applied: string[] = [];
  const notes: LocalizedText[] = [];
  const note = (text: LocalizedText): void => void notes.push(text);
  for (let version = fromVersion + 1; version <= set.currentVersion; version++) {
    for (const migration of set.chain.filter((step) => step.version === version)) {
      chain = migration.migrate(chain, note);
      applied.push(migration.id);
    }
    if (!Array.isArray(chain.nodes)) continue;
    chain = { ...chain, nodes: chain.nodes.map((node) => migrateNode(node, version, set, applied)) };
  }
  return { chain, applied, notes };
}

function migrateNode(node: unknown, version: number, set: MigrationSet, applied: string[]): unknown {
  if (!isRecord(node) || typeof node.kind !== 'string') return node;
  let current = node;
  for (const migration of set.nodes(node.kind).filter((step) => step.version === version)) {
    current = migration.migrate(current);
    if (!applied.includes(migration.id)) applied.push(migration.id);
  }
  return current;
}

export type { RawChain };
