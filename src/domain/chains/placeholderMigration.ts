import type { LocalizedText } from '../text';
import { isNodeKind, NODE_MODULES } from './nodes/registry';
import type { RawNode } from './nodes/module';
import { isRecord, type RawChain } from './raw';
import { defaultChainSettings } from './settings';
import type { NodeKind } from './types';

/**
 * Chain format 0 → 1. Version 0 is the foundation's placeholder record (model/chain.ts before
 * the chain editor): no version field, each node's options in an open `config` object, settings
 * an open object. Nothing ever gave those options a meaning, so the migration:
 * - lifts `config` into the node, under the kind's defaults for whatever is missing (reported);
 * - reads the obvious shorthands such a record may carry — a trigger's `event: "registration"`,
 *   a timer's `days` / `hours` / `minutes`, a message's `subject` / `body` (reported);
 * - lays each settings group over this version's defaults (a partial `quietHours` keeps its
 *   times and gets the rest), and reports settings it does not know.
 * Anything still not understood is dropped by restore with a report, never guessed.
 */
type Note = (text: LocalizedText) => void;

export function fromPlaceholderRecord(chain: RawChain, note: Note): RawChain {
  const nodes = Array.isArray(chain.nodes) ? chain.nodes.map((node) => liftNode(node, note)) : chain.nodes;
  const { workspaceId: _workspace, createdAt: _created, updatedAt: _updated, ...rest } = chain;
  return { description: '', templateId: null, notes: [], ...rest, stage: rest.stage ?? null, settings: liftSettings(chain.settings, note), nodes };
}

function liftSettings(raw: unknown, note: Note): Record<string, unknown> {
  const given = isRecord(raw) ? raw : {};
  const defaults: Record<string, unknown> = { ...defaultChainSettings() };
  const unknown = Object.keys(given).filter((key) => !Object.hasOwn(defaults, key));
  const missing = Object.keys(defaults).filter((key) => !Object.hasOwn(given, key));
  if (missing.length) {
    note({ en: `The chain was saved before chains had these settings: ${missing.join(', ')}; they take the defaults.`, ru: `Цепочка сохранена до появления настроек ${missing.join(', ')}: им заданы значения по умолчанию.` });
  }
  if (unknown.length) note({ en: `Settings not understood and left out: ${unknown.join(', ')}.`, ru: `Непонятные настройки пропущены: ${unknown.join(', ')}.` });
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const own = given[key];
    settings[key] = own === undefined ? value : isRecord(value) && isRecord(own) ? { ...value, ...own } : own;
  }
  return settings;
}

function readShorthands(kind: NodeKind, options: RawNode, id: string, note: Note): RawNode {
  const { event, days, hours, minutes, subject, body, ...rest } = options;
  if (kind === 'trigger' && typeof event === 'string' && rest.trigger === undefined) {
    note({ en: `Node "${id}": "event": "${event}" is read as a trigger on that event.`, ru: `Узел «${id}»: "event": "${event}" прочитано как триггер на это событие.` });
    return { ...rest, trigger: { type: 'event', event: { types: [event], where: [] } } };
  }
  const amount = [days, hours, minutes].find((value) => typeof value === 'number');
  if (kind === 'timer' && amount !== undefined && rest.timer === undefined) {
    const unit = days !== undefined ? 'days' : hours !== undefined ? 'hours' : 'minutes';
    note({ en: `Node "${id}": read as a delay of ${String(amount)} ${unit}.`, ru: `Узел «${id}»: прочитан как задержка ${String(amount)} (${unit}).` });
    return { ...rest, timer: { type: 'delay', duration: { amount, unit } } };
  }
  if (kind === 'message' && (typeof subject === 'string' || typeof body === 'string') && rest.content === undefined) {
    return { ...rest, content: { subject: typeof subject === 'string' ? subject : '', body: typeof body === 'string' ? body : '' } };
  }
  return options;
}

function liftNode(node: unknown, note: Note): unknown {
  if (!isRecord(node) || !isNodeKind(node.kind)) return node;
  const { config, ...rest } = node;
  const id = typeof rest.id === 'string' ? rest.id : '';
  const options = readShorthands(node.kind, isRecord(config) ? config : {}, id, note);
  const position = isRecord(rest.position) ? rest.position : { x: 0, y: 0 };
  const defaults: RawNode = { ...NODE_MODULES[node.kind].create(id, { x: 0, y: 0 }) };
  const missing = Object.keys(defaults).filter((key) => !Object.hasOwn(options, key) && !Object.hasOwn(rest, key) && key !== 'label');
  if (missing.length) {
    note({ en: `Node "${id}" was saved without its options (${missing.join(', ')}): they take the defaults.`, ru: `Узел «${id}» сохранён без параметров (${missing.join(', ')}): им заданы значения по умолчанию.` });
  }
  return { ...defaults, ...options, ...rest, position };
}
