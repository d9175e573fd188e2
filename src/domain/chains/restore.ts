import { z } from 'zod';
import type { LocalizedText } from '../text';
import { CURRENT_MIGRATIONS, migrateChain, type MigrationSet } from './migrations';
import { isRecord } from './raw';
import { isNodeKind, nodeSchema, outPorts } from './nodes/registry';
import { edgeSchema, idSchema, labelSchema, noteSchema, settingsSchema, textSchema } from './schemaParts';
import type { CanvasNote, Chain, ChainEdge, ChainNode } from './types';
import { parseDroppingUnknownKeys } from './zodRepair';

/**
 * THE way into the model for anything read from storage or a file (as Excalidraw's restore.ts
 * and tldraw's migrations): migrate step by step from the version it was written in, then
 * repair, then validate with zod. Nothing is silently replaced:
 * - unknown fields are left out and listed in `repairs`;
 * - a node, edge or note that cannot be understood (bad shape, unknown kind, duplicate id, an
 *   edge to a node or port that does not exist) is left out of the chain and kept, raw, in
 *   `setAside` with the reason — the caller shows it, and a file import refuses the file;
 * - a chain that cannot be understood at all (not an object, no id, broken settings, written by
 *   a newer ChainLab) gives `ok: false` with a message that says why.
 * Graph completeness (unconnected ports, cycles …) is the validator's business, not restore's.
 */
export interface RestoreNote {
  /** where, e.g. `nodes[3] (t1)` or `settings` */
  path: string;
  message: LocalizedText;
}

export interface SetAsideItem {
  part: 'node' | 'edge' | 'note';
  index: number;
  id: string | null;
  raw: unknown;
  reason: LocalizedText;
}

export type RestoreFailure = 'not_object' | 'bad_version' | 'newer_version' | 'migration_failed' | 'invalid';

export type RestoreChainResult =
  | { ok: true; chain: Chain; fromVersion: number; migrations: string[]; repairs: RestoreNote[]; setAside: SetAsideItem[] }
  | { ok: false; code: RestoreFailure; fromVersion: number | null; message: LocalizedText };

const chainShellSchema = z
  .object({
    id: idSchema,
    name: labelSchema,
    stage: z.string().max(100).nullable(),
    description: textSchema,
    templateId: z.string().max(100).nullable(),
    settings: settingsSchema,
    nodes: z.array(z.unknown()).max(5000, 'at most 5000 nodes'),
    edges: z.array(z.unknown()).max(20_000, 'at most 20000 edges'),
    notes: z.array(z.unknown()).max(1000, 'at most 1000 notes'),
  })
  .strict();

function fail(code: RestoreFailure, fromVersion: number | null, en: string, ru: string): RestoreChainResult {
  return { ok: false, code, fromVersion, message: { en, ru } };
}

function idOf(raw: unknown): string | null {
  return isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
}

function where(part: string, index: number, raw: unknown): string {
  const id = idOf(raw);
  return id === null ? `${part}[${index}]` : `${part}[${index}] (${id})`;
}

function droppedNotes(path: string, dropped: readonly string[]): RestoreNote[] {
  if (!dropped.length) return [];
  return [{ path, message: { en: `Fields not understood and left out: ${dropped.join(', ')}.`, ru: `Непонятные поля пропущены: ${dropped.join(', ')}.` } }];
}

/**
 * `version`: the format version the data was written in (a chain file's envelope, a stored
 * record's `version`). Without it, `raw.version` is used, and no version at all means the
 * unversioned placeholder record (version 0).
 */
export function restoreChain(raw: unknown, version?: number, migrations: MigrationSet = CURRENT_MIGRATIONS): RestoreChainResult {
  if (!isRecord(raw)) return fail('not_object', null, 'Not a chain: expected a JSON object with nodes and edges.', 'Это не цепочка: ожидался JSON-объект с узлами и связями.');
  const fromVersion = version ?? (raw.version === undefined ? 0 : raw.version);
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return fail('bad_version', null, `The chain's format version "${String(fromVersion)}" is not a whole number.`, `Версия формата цепочки «${String(fromVersion)}» — не целое число.`);
  }
  if (fromVersion > migrations.currentVersion) {
    return fail(
      'newer_version',
      fromVersion,
      `This chain was saved by a newer ChainLab (format version ${fromVersion}; this one reads up to ${migrations.currentVersion}). Update ChainLab to open it.`,
      `Цепочка сохранена более новой версией ChainLab (формат ${fromVersion}; эта версия читает до ${migrations.currentVersion}). Обновите ChainLab, чтобы открыть её.`,
    );
  }
  const { version: _version, ...body } = raw;
  let migrated;
  try {
    migrated = migrateChain(body, fromVersion, migrations);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('migration_failed', fromVersion, `The chain could not be brought from format version ${fromVersion} up to date: ${reason}`, `Цепочку не удалось перевести с формата ${fromVersion} на текущий: ${reason}`);
  }
  const shell = parseDroppingUnknownKeys(chainShellSchema, migrated.chain);
  if (!shell.success) {
    const problems = shell.problems.join('; ');
    return fail('invalid', fromVersion, `Not a valid chain: ${problems}`, `Цепочка не читается: ${problems}`);
  }
  const repairs: RestoreNote[] = [...migrated.notes.map((message) => ({ path: 'chain', message })), ...droppedNotes('chain', shell.dropped)];
  const setAside: SetAsideItem[] = [];
  const nodes = restoreNodes(shell.data.nodes, repairs, setAside);
  const edges = restoreEdges(shell.data.edges, nodes, repairs, setAside);
  const notes = restoreNotes(shell.data.notes, repairs, setAside);
  const { nodes: _nodes, edges: _edges, notes: _notes, ...rest } = shell.data;
  return { ok: true, chain: { ...rest, nodes, edges, notes }, fromVersion, migrations: migrated.applied, repairs, setAside };
}

function restoreNodes(raws: readonly unknown[], repairs: RestoreNote[], setAside: SetAsideItem[]): ChainNode[] {
  const nodes: ChainNode[] = [];
  const ids = new Set<string>();
  raws.forEach((raw, index) => {
    const put = (en: string, ru: string): void => void setAside.push({ part: 'node', index, id: idOf(raw), raw, reason: { en, ru } });
    const kind = isRecord(raw) ? raw.kind : undefined;
    if (!isNodeKind(kind)) {
      put(`${where('nodes', index, raw)}: unknown node kind "${String(kind)}".`, `${where('nodes', index, raw)}: неизвестный вид узла «${String(kind)}».`);
      return;
    }
    const parsed = parseDroppingUnknownKeys(nodeSchema(kind), raw);
    if (!parsed.success) {
      const problems = parsed.problems.join('; ');
      put(`${where('nodes', index, raw)}: ${problems}`, `${where('nodes', index, raw)}: узел не читается — ${problems}`);
      return;
    }
    if (ids.has(parsed.data.id)) {
      put(`${where('nodes', index, raw)}: another node already has the id "${parsed.data.id}".`, `${where('nodes', index, raw)}: id «${parsed.data.id}» уже есть у другого узла.`);
      return;
    }
    ids.add(parsed.data.id);
    repairs.push(...droppedNotes(where('nodes', index, raw), parsed.dropped));
    nodes.push(parsed.data);
  });
  return nodes;
}

function restoreEdges(raws: readonly unknown[], nodes: readonly ChainNode[], repairs: RestoreNote[], setAside: SetAsideItem[]): ChainEdge[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const portsOf = new Map(nodes.map((node) => [node.id, new Set(outPorts(node).map((item) => item.id))]));
  const edges: ChainEdge[] = [];
  const ids = new Set<string>();
  raws.forEach((raw, index) => {
    const put = (en: string, ru: string): void => void setAside.push({ part: 'edge', index, id: idOf(raw), raw, reason: { en, ru } });
    const parsed = parseDroppingUnknownKeys(edgeSchema, raw);
    const at = where('edges', index, raw);
    if (!parsed.success) return put(`${at}: ${parsed.problems.join('; ')}`, `${at}: связь не читается — ${parsed.problems.join('; ')}`);
    const edge = parsed.data;
    const source = byId.get(edge.source);
    if (ids.has(edge.id)) return put(`${at}: another edge already has the id "${edge.id}".`, `${at}: id «${edge.id}» уже есть у другой связи.`);
    if (!source || !byId.has(edge.target)) {
      const missing = source ? edge.target : edge.source;
      return put(`${at}: it leads from or to node "${missing}", which is not in the chain.`, `${at}: она ведёт из узла или в узел «${missing}», которого нет в цепочке.`);
    }
    if (!portsOf.get(source.id)!.has(edge.sourcePort)) {
      return put(`${at}: node "${source.id}" has no out-port "${edge.sourcePort}".`, `${at}: у узла «${source.id}» нет выхода «${edge.sourcePort}».`);
    }
    ids.add(edge.id);
    repairs.push(...droppedNotes(at, parsed.dropped));
    edges.push(edge);
  });
  return edges;
}

function restoreNotes(raws: readonly unknown[], repairs: RestoreNote[], setAside: SetAsideItem[]): CanvasNote[] {
  const notes: CanvasNote[] = [];
  raws.forEach((raw, index) => {
    const parsed = parseDroppingUnknownKeys(noteSchema, raw);
    const at = where('notes', index, raw);
    if (!parsed.success) {
      setAside.push({ part: 'note', index, id: idOf(raw), raw, reason: { en: `${at}: ${parsed.problems.join('; ')}`, ru: `${at}: заметка не читается — ${parsed.problems.join('; ')}` } });
      return;
    }
    repairs.push(...droppedNotes(at, parsed.dropped));
    notes.push(parsed.data);
  });
  return notes;
}


