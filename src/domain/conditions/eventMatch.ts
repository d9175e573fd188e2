import { dictCode, timelineBlock, timelineRow, type CustomerTimeline, type DictColumn, type EventBlock } from '../columnar';
import type { ExtraEvents } from './moment';
import type { EventCondition, EventMatch, FieldOp, NumberTest, PropCondition } from './types';

/**
 * Event matches and value tests compiled once, tested per event without allocation. Event types
 * are resolved against a type table (the workspace's event types, then any the projection adds),
 * props against each block's dictionary: a prop test looks up a per-block table of which
 * dictionary codes pass, built the first time the block is seen.
 */
export interface CompiledEventMatch {
  /** 1 for each type index that matches (before `where`) */
  typeMask: Uint8Array;
  /** whether any type matches at all (a match of unknown types never does) */
  isPossible: boolean;
  /** true when `where` is empty: the type decides alone */
  isTypeOnly: boolean;
  matchesRow(timeline: CustomerTimeline, index: number): boolean;
  matchesExtra(extra: ExtraEvents, index: number): boolean;
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

/** A number when the text is one ("12", " 3.5 ", "-2,75"); NaN otherwise. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[-+]?(\d|[.,]\d)/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : Number.NaN;
}

export function numberTestPasses(test: NumberTest, value: number): boolean {
  if (value !== value) return false;
  switch (test.op) {
    case 'gte':
      return value >= test.value;
    case 'gt':
      return value > test.value;
    case 'lte':
      return value <= test.value;
    case 'lt':
      return value < test.value;
    case 'eq':
      return value === test.value;
    case 'neq':
      return value !== test.value;
    case 'between':
      return value >= test.value && value <= (test.to ?? test.value);
    default:
      return false;
  }
}

/** gt/gte/lt/lte: numbers when both sides are numbers, else code-point order of the normalised texts. */
function orderOf(value: string, target: string): number {
  const a = numberOf(value);
  const b = numberOf(target);
  if (a === a && b === b) return a - b;
  const left = normalize(value);
  const right = normalize(target);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The text test of a field or prop (types.ts): exact after trimming, case-insensitive. A missing
 * value is "none of" anything: `neq`, `notContains` and `isNotSet` pass, every other test fails.
 */
export function compileFieldTest(op: FieldOp, rawValues: readonly string[]): (value: string | undefined) => boolean {
  const values = rawValues.map(normalize).filter((value) => value !== '');
  const first = rawValues.find((value) => value.trim() !== '') ?? '';
  switch (op) {
    case 'isSet':
      return (value) => value !== undefined && value.trim() !== '';
    case 'isNotSet':
      return (value) => value === undefined || value.trim() === '';
    case 'eq':
      return (value) => value !== undefined && values.includes(normalize(value));
    case 'neq':
      return (value) => value === undefined || !values.includes(normalize(value));
    case 'contains':
      return (value) => value !== undefined && values.some((part) => normalize(value).includes(part));
    case 'notContains':
      return (value) => value === undefined || !values.some((part) => normalize(value).includes(part));
    case 'startsWith':
      return (value) => value !== undefined && values.some((part) => normalize(value).startsWith(part));
    case 'gt':
      return (value) => value !== undefined && value.trim() !== '' && orderOf(value, first) > 0;
    case 'gte':
      return (value) => value !== undefined && value.trim() !== '' && orderOf(value, first) >= 0;
    case 'lt':
      return (value) => value !== undefined && value.trim() !== '' && orderOf(value, first) < 0;
    case 'lte':
      return (value) => value !== undefined && value.trim() !== '' && orderOf(value, first) <= 0;
    default:
      return () => false;
  }
}

interface PropTest {
  key: string;
  test: (value: string | undefined) => boolean;
  /** the last block seen and its code table (codes → 1 pass / 0 fail) */
  lastBlock: EventBlock | null;
  lastTable: Uint8Array | null;
  lastColumn: DictColumn | undefined;
}

function compilePropTest(condition: PropCondition): PropTest {
  return { key: condition.key, test: compileFieldTest(condition.op, condition.values), lastBlock: null, lastTable: null, lastColumn: undefined };
}

function propPasses(prop: PropTest, block: EventBlock, row: number): boolean {
  if (prop.lastBlock !== block) {
    const column = block.props[prop.key];
    prop.lastBlock = block;
    prop.lastColumn = column;
    prop.lastTable = column ? Uint8Array.from({ length: column.values.length + 1 }, (_, code) => (prop.test(code === 0 ? undefined : column.values[code - 1]) ? 1 : 0)) : null;
  }
  if (!prop.lastColumn) return prop.test(undefined);
  return prop.lastTable![dictCode(prop.lastColumn, row)] === 1;
}

export interface EventTypeTable {
  /** index → name */
  names: readonly string[];
  indexOf(name: string): number;
}

export function eventTypeTable(names: readonly string[]): EventTypeTable {
  const indexes = new Map<string, number>();
  names.forEach((name, index) => {
    if (!indexes.has(name)) indexes.set(name, index);
  });
  return { names, indexOf: (name) => indexes.get(name) ?? -1 };
}

export function compileEventMatch(match: EventMatch, types: EventTypeTable): CompiledEventMatch {
  const typeMask = new Uint8Array(types.names.length);
  if (match.types.length === 0) typeMask.fill(1);
  for (const name of match.types) {
    const index = types.indexOf(name);
    if (index >= 0) typeMask[index] = 1;
  }
  const amountTests = match.where.filter((condition): condition is Extract<EventCondition, { type: 'amount' }> => condition.type === 'amount').map((condition) => condition.compare);
  const propTests = match.where.filter((condition): condition is PropCondition => condition.type === 'prop').map(compilePropTest);
  const isTypeOnly = amountTests.length === 0 && propTests.length === 0;
  return {
    typeMask,
    isPossible: typeMask.includes(1),
    isTypeOnly,
    matchesRow(timeline, index) {
      if (typeMask[timeline.type[index]!] !== 1) return false;
      if (isTypeOnly) return true;
      const amount = timeline.amount[index]!;
      for (const test of amountTests) if (!numberTestPasses(test, amount)) return false;
      if (propTests.length) {
        const block = timelineBlock(timeline, index);
        const row = timelineRow(timeline, index);
        for (const prop of propTests) if (!propPasses(prop, block, row)) return false;
      }
      return true;
    },
    matchesExtra(extra, index) {
      if (typeMask[extra.type[index]!] !== 1) return false;
      if (isTypeOnly) return true;
      const amount = extra.amount[index]!;
      for (const test of amountTests) if (!numberTestPasses(test, amount)) return false;
      const props = extra.props[index]!;
      for (const prop of propTests) if (!prop.test(props[prop.key])) return false;
      return true;
    },
  };
}
