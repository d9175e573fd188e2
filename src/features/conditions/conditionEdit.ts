import type { LocalizedText, TextLanguage } from '../../domain/text';
import {
  MAX_GROUP_DEPTH,
  SINGLE_VALUE_FIELD_OPS,
  VALUELESS_FIELD_OPS,
  type Condition,
  type ConditionGroup,
  type EventCondition,
  type FieldOp,
  type LeafCondition,
  type LeafConditionType,
  type NumberOp,
  type NumberTest,
} from '../../domain/conditions/types';
import { ORDER_EVENT } from '../../domain/model/event';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

/**
 * Edits of the condition builder as pure functions: a new condition of each kind (with the
 * workspace's most likely choice filled in), operator changes that keep what still fits, and the
 * issues that belong beside one part of a condition.
 */

/** The event type a new event condition starts with: `order` when the data has it, else its most frequent type. */
function likelyEventType(vocabulary: WorkspaceVocabulary | null): string {
  const types = vocabulary?.eventTypes ?? [];
  if (!types.length || types.some((type) => type.name === ORDER_EVENT)) return ORDER_EVENT;
  return types[0]!.name;
}

/** The order prop that most likely holds the category: `category` when the data has it, else the first prop whose name says so. */
function likelyCategoryProp(vocabulary: WorkspaceVocabulary | null): string {
  const props = vocabulary?.eventProps.map((prop) => prop.name) ?? [];
  return props.find((name) => name === 'category') ?? props.find((name) => /categ|катег/i.test(name)) ?? 'category';
}

/** A new leaf of `type`, as the user would most often start it. */
export function defaultLeaf(type: LeafConditionType, vocabulary: WorkspaceVocabulary | null = null): LeafCondition {
  switch (type) {
    case 'field':
      return { type, field: '', op: 'eq', values: [] };
    case 'consent':
      return { type, channel: 'email', states: ['yes'] };
    case 'contact':
      return { type, channel: 'email', isPresent: true };
    case 'rfmSegment':
      return { type, op: 'in', segments: [] };
    case 'rfmScore':
      return { type, score: 'r', compare: { op: 'gte', value: 4 } };
    case 'lifecycle':
      return { type, op: 'in', statuses: [] };
    case 'stage':
      return { type, op: 'in', stages: [] };
    case 'eventCount':
      return { type, event: { types: [likelyEventType(vocabulary)], where: [] }, op: 'atLeast', count: 1, days: 30 };
    case 'eventSinceEntry':
      return { type, event: { types: [likelyEventType(vocabulary)], where: [] }, happened: true };
    case 'totalSpend':
      return { type, compare: { op: 'gte', value: 1000 }, days: null };
    case 'orderCount':
      return { type, compare: { op: 'gte', value: 1 }, days: null };
    case 'daysSinceLastOrder':
      return { type, compare: { op: 'gte', value: 30 } };
    case 'categorySpend':
      return { type, key: likelyCategoryProp(vocabulary), values: [], compare: { op: 'gte', value: 1000 }, days: null };
    case 'daysSinceLastEvent':
      return { type, event: { types: [likelyEventType(vocabulary)], where: [] }, compare: { op: 'gte', value: 30 } };
    case 'audience': {
      const first = vocabulary?.audiences?.[0];
      return { type, op: 'in', audienceId: first?.id ?? '', name: first?.name ?? '' };
    }
  }
}

export function defaultEventCondition(type: EventCondition['type']): EventCondition {
  return type === 'amount' ? { type, compare: { op: 'gte', value: 1000 } } : { type, key: '', op: 'eq', values: [] };
}

/** A field / prop test with another operator: values it cannot take are dropped, the rest kept. */
export function withFieldOp<T extends { op: FieldOp; values: string[] }>(condition: T, op: FieldOp): T {
  if (VALUELESS_FIELD_OPS.includes(op)) return { ...condition, op, values: [] };
  if (SINGLE_VALUE_FIELD_OPS.includes(op)) return { ...condition, op, values: condition.values.slice(0, 1) };
  return { ...condition, op };
}

/** A number test with another operator: `between` gets an upper bound (the value + 1 unless one is kept), others lose it. */
export function withNumberOp(test: NumberTest, op: NumberOp): NumberTest {
  if (op === 'between') return { op, value: test.value, to: test.to ?? test.value + 1 };
  return { op, value: test.value };
}

/** How a field / prop operator takes values. */
export function fieldOpArity(op: FieldOp): 'none' | 'one' | 'many' {
  if (VALUELESS_FIELD_OPS.includes(op)) return 'none';
  return SINGLE_VALUE_FIELD_OPS.includes(op) ? 'one' : 'many';
}

export function replaceItem(group: ConditionGroup, index: number, item: Condition): ConditionGroup {
  return { ...group, items: group.items.with(index, item) };
}

export function removeItem(group: ConditionGroup, index: number): ConditionGroup {
  return { ...group, items: group.items.toSpliced(index, 1) };
}

export function addItem(group: ConditionGroup, item: Condition): ConditionGroup {
  return { ...group, items: [...group.items, item] };
}

/** A nested group (AND inside OR and the other way round), started with one condition. */
export function nestedGroup(parent: ConditionGroup, first: Condition): ConditionGroup {
  return { type: 'group', op: parent.op === 'and' ? 'or' : 'and', items: [first] };
}

/** Whether a group at `depth` (the top group is 1) may hold another group. */
export function canNest(depth: number): boolean {
  return depth < MAX_GROUP_DEPTH;
}

export function joinPath(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/**
 * A problem placed at a part of a value (`where.0.key`, relative to what an editor edits): the
 * condition language's issues and the chain validator's findings both fit it.
 */
export interface PlacedIssue {
  path: string;
  severity: 'error' | 'warning';
  message: LocalizedText;
}

/** Issues exactly at `path` (shown beside that part), not inside it. */
export function issuesAt(issues: readonly PlacedIssue[], path: string): PlacedIssue[] {
  return issues.filter((issue) => issue.path === path);
}

function isInside(issuePath: string, path: string): boolean {
  return !path || issuePath === path || issuePath.startsWith(`${path}.`);
}

/** Issues at `path` or anywhere inside it. */
export function issuesUnder(issues: readonly PlacedIssue[], path: string): PlacedIssue[] {
  return issues.filter((issue) => isInside(issue.path, path));
}

/** The issues inside `prefix`, with paths relative to it (issues without a path are left out). */
export function relativeIssues(issues: readonly { path?: string; severity: 'error' | 'warning'; message: LocalizedText }[], prefix: string): PlacedIssue[] {
  const placed: PlacedIssue[] = [];
  for (const issue of issues) {
    if (issue.path === undefined || !isInside(issue.path, prefix)) continue;
    const path = !prefix || issue.path === prefix ? (prefix ? '' : issue.path) : issue.path.slice(prefix.length + 1);
    placed.push({ path, severity: issue.severity, message: issue.message });
  }
  return placed;
}

/** The messages of some issues as one line in the language, errors first; null without any. */
export function issueText(issues: readonly PlacedIssue[], language: TextLanguage): string | null {
  if (!issues.length) return null;
  const ordered = [...issues.filter((issue) => issue.severity === 'error'), ...issues.filter((issue) => issue.severity === 'warning')];
  return [...new Set(ordered.map((issue) => issue.message[language]))].join(' ');
}
