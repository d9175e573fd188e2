import { CONSENT_CHANNELS, CONSENT_CHANNEL_CONTACT, ORDER_EVENT, RETURN_EVENT, type ConsentChannel } from '../model';
import { dictValue } from '../columnar';
import { formatEpochDay, formatLocalMinute, localDayNumber, startOfLocalDay } from '../time';
import { countText, formatNumber, type LocalizedText } from '../text';
import { compileEventMatch, compileFieldTest, numberTestPasses, type CompiledEventMatch, type EventTypeTable } from './eventMatch';
import { OTHERS_SEGMENT_ID, type CustomerMoment } from './moment';
import type { RfmAsOf } from '../rfm/asOf';
import type { AudienceCondition, CategorySpendCondition, Condition, ConditionGroup, DaysSinceLastEventCondition, EventCountCondition, FieldCondition, LeafCondition, RfmScoreName } from './types';

/**
 * THE evaluator of the condition language over the columnar data (types.ts states the
 * semantics): compile a condition once, then test customers at moments — the simulator's
 * filters and audience triggers, and (issue 15) saved audiences counted as of a date. A test
 * reads only the moment's visible events (no look-ahead) and allocates nothing; `explain` gives
 * the same answer with the facts that decided it, for a customer's trace.
 */
export interface CompiledCondition {
  test(moment: CustomerMoment): boolean;
  explain(moment: CustomerMoment): ConditionExplanation;
  /** whether a test reads RFM scores or the journey state (the moment needs `segments`) */
  needsSegments: boolean;
}

export interface ConditionExplanation {
  result: boolean;
  /** what the leaves that were evaluated found ("order 2025-03-04 15:00", "3 times") */
  facts: LocalizedText[];
}

interface Leaf {
  test(moment: CustomerMoment): boolean;
  fact(moment: CustomerMoment): LocalizedText;
  needsSegments: boolean;
}

interface Node {
  test(moment: CustomerMoment): boolean;
  explain(moment: CustomerMoment, facts: LocalizedText[]): boolean;
  needsSegments: boolean;
}

const text = (en: string, ru: string): LocalizedText => ({ en, ru });

/** Saved audiences' conditions by id, for `audience` conditions (the simulator's `settings.audiences`, the Audiences screen's saved list). */
export type AudienceConditions = Readonly<Record<string, ConditionGroup>>;

/** What compiling needs besides the condition: the event types, the saved audiences, and the audiences being compiled (to refuse a cycle). */
interface Scope {
  types: EventTypeTable;
  audiences: AudienceConditions;
  /** audience ids from the outermost down to the one being compiled */
  path: readonly string[];
  /** compiled audiences of this compilation, by id (an audience named twice is compiled once) */
  compiled: Map<string, Node | null>;
}

const NOBODY: Leaf = { needsSegments: false, test: () => false, fact: () => text('audience not available', 'аудитория недоступна') };

/** The referenced audience's condition compiled in the same scope; null when it is unknown or would include itself. */
function audienceNode(condition: AudienceCondition, scope: Scope): Node | null {
  const id = condition.audienceId;
  if (scope.path.includes(id)) return null;
  if (scope.compiled.has(id)) return scope.compiled.get(id)!;
  const group = Object.hasOwn(scope.audiences, id) ? scope.audiences[id] : undefined;
  const node = group ? compileGroup(group, { ...scope, path: [...scope.path, id] }) : null;
  scope.compiled.set(id, node);
  return node;
}

function audienceLeaf(condition: AudienceCondition, scope: Scope): Leaf {
  const node = audienceNode(condition, scope);
  if (!node) return NOBODY;
  const isIn = condition.op === 'in';
  return {
    needsSegments: node.needsSegments,
    test: (moment) => node.test(moment) === isIn,
    fact: (moment) => (node.test(moment) ? text(`in audience "${condition.name}"`, `в аудитории «${condition.name}»`) : text(`not in audience "${condition.name}"`, `не в аудитории «${condition.name}»`)),
  };
}

/** First instant of the window "in the last `days` days" (local days D − days … D); −∞ for all history. */
export function windowStart(moment: CustomerMoment, days: number | null): number {
  if (days === null) return Number.NEGATIVE_INFINITY;
  return startOfLocalDay(localDayNumber(moment.now, moment.timeZone) - days, moment.timeZone);
}

/**
 * `windowStart` for one leaf, remembered while `now` and the zone stay the same: a count tests
 * every customer at one instant, so the zone arithmetic runs once per count, not per customer.
 */
function windowStartOf(days: number | null): (moment: CustomerMoment) => number {
  let now = Number.NaN;
  let zone = '';
  let start = Number.NEGATIVE_INFINITY;
  return (moment) => {
    if (days === null) return Number.NEGATIVE_INFINITY;
    if (moment.now !== now || moment.timeZone !== zone) {
      start = windowStart(moment, days);
      now = moment.now;
      zone = moment.timeZone;
    }
    return start;
  };
}

/** The local day of `now` for one leaf, remembered the same way ("days since" counts from it). */
function todayOf(): (moment: CustomerMoment) => number {
  let now = Number.NaN;
  let zone = '';
  let today = 0;
  return (moment) => {
    if (moment.now !== now || moment.timeZone !== zone) {
      today = localDayNumber(moment.now, moment.timeZone);
      now = moment.now;
      zone = moment.timeZone;
    }
    return today;
  };
}

/** The first visible row at or after `from` (rows are in time order): a window's events without reading the older ones. */
function firstVisibleRowFrom(moment: CustomerMoment, from: number): number {
  const { ts } = moment.timeline;
  let low = moment.timeline.start;
  let high = moment.visible;
  if (!(from > Number.NEGATIVE_INFINITY)) return low;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ts[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Known events matching `match` at or after `from`: real rows from the window's first one, then the extra ones. */
function countMatches(match: CompiledEventMatch, moment: CustomerMoment, from: number): number {
  if (!match.isPossible) return 0;
  let count = 0;
  const { timeline, extra } = moment;
  const end = moment.visible;
  if (match.isTypeOnly) {
    const { typeMask } = match;
    const { type } = timeline;
    for (let i = firstVisibleRowFrom(moment, from); i < end; i++) if (typeMask[type[i]!] === 1) count++;
  } else {
    for (let i = firstVisibleRowFrom(moment, from); i < end; i++) if (match.matchesRow(timeline, i)) count++;
  }
  for (let j = 0; j < moment.extraVisible; j++) if (extra.ts[j]! >= from && match.matchesExtra(extra, j)) count++;
  return count;
}

/** The first known matching event since entering the chain (its instant), NaN when none or outside a chain. */
function firstSinceEntry(match: CompiledEventMatch, moment: CustomerMoment): number {
  if (moment.entryVisible < 0 || !match.isPossible) return Number.NaN;
  let first = Number.NaN;
  for (let i = moment.entryVisible; i < moment.visible; i++) {
    if (match.matchesRow(moment.timeline, i)) {
      first = moment.timeline.ts[i]!;
      break;
    }
  }
  const { extra } = moment;
  for (let j = Math.max(moment.entryExtraVisible, 0); j < moment.extraVisible && !(extra.ts[j]! >= first); j++) {
    if (match.matchesExtra(extra, j)) return extra.ts[j]!;
  }
  return first;
}

function profileValue(moment: CustomerMoment, field: string): string | undefined {
  const profile = moment.profile;
  if (!profile) return undefined;
  const row = moment.profileRow;
  if (field === 'signupAt') {
    const ts = profile.signupAt[row]!;
    return ts === ts ? formatEpochDay(localDayNumber(ts, moment.timeZone)) : undefined;
  }
  if (field.startsWith('attrs.')) {
    const column = profile.attrs[field.slice(6)];
    return column ? dictValue(column, row) : undefined;
  }
  const column = (profile.text as Record<string, string[] | undefined>)[field];
  const value = column?.[row];
  return value === '' ? undefined : value;
}

/** A channel's bit in `revokedConsents`, looked up instead of searched: the simulation asks for every message. */
const CONSENT_BIT = Object.fromEntries(CONSENT_CHANNELS.map((channel, index) => [channel, 1 << index])) as Record<ConsentChannel, number>;

/** 'yes' | 'no' | 'unknown' for a channel, with consents withdrawn during the run reading "no". */
export function consentState(moment: CustomerMoment, channel: ConsentChannel): 'yes' | 'no' | 'unknown' {
  if (moment.revokedConsents & CONSENT_BIT[channel]) return 'no';
  const code = moment.profile ? moment.profile.consents[channel][moment.profileRow]! : 0;
  return code === 1 ? 'yes' : code === 2 ? 'no' : 'unknown';
}

/** Whether the profile holds the channel's contact (every contact is a text field of the profile, as profileValue reads it). */
export function hasContact(moment: CustomerMoment, channel: ConsentChannel): boolean {
  const value = moment.profile?.text[CONSENT_CHANNEL_CONTACT[channel]]?.[moment.profileRow];
  return value !== undefined && value !== '';
}

function fieldLeaf(condition: FieldCondition): Leaf {
  const test = compileFieldTest(condition.op, condition.values);
  return {
    needsSegments: false,
    test: (moment) => test(profileValue(moment, condition.field)),
    fact: (moment) => {
      const value = profileValue(moment, condition.field);
      return value === undefined ? text(`${condition.field} empty`, `${condition.field} пусто`) : text(`${condition.field} = ${value}`, `${condition.field} = ${value}`);
    },
  };
}

function eventCountLeaf(condition: EventCountCondition, types: EventTypeTable): Leaf {
  const match = compileEventMatch(condition.event, types);
  const from = windowStartOf(condition.days);
  const count = (moment: CustomerMoment) => countMatches(match, moment, from(moment));
  return {
    needsSegments: false,
    test: (moment) => (condition.op === 'atLeast' ? count(moment) >= condition.count : count(moment) <= condition.count),
    fact: (moment) => countText(count(moment), ['time', 'times'], ['раз', 'раза', 'раз']),
  };
}

/** Net spend, orders and the last order (NaN: none) of a window: the purchase conditions fill one of these per test. */
export interface Purchases {
  spend: number;
  orders: number;
  lastOrder: number;
}

/** The order and return event types of a type table (−1: not in it), looked up once per compiled leaf. */
function purchaseTypes(types: EventTypeTable): { order: number; refund: number } {
  return { order: types.indexOf(ORDER_EVENT), refund: types.indexOf(RETURN_EVENT) };
}

/** Fills `out` with the known purchases at or after `from` (real rows from the window's first one, then the extra events); allocates nothing. */
function purchasesFrom(moment: CustomerMoment, from: number, order: number, refund: number, out: Purchases): Purchases {
  out.spend = 0;
  out.orders = 0;
  out.lastOrder = Number.NaN;
  const { timeline, extra } = moment;
  const end = moment.visible;
  for (let i = firstVisibleRowFrom(moment, from); i < end; i++) addPurchase(out, timeline.type[i]!, timeline.amount[i]!, timeline.ts[i]!, order, refund);
  for (let j = 0; j < moment.extraVisible; j++) if (extra.ts[j]! >= from) addPurchase(out, extra.type[j]!, extra.amount[j]!, extra.ts[j]!, order, refund);
  return out;
}

function addPurchase(out: Purchases, type: number, amount: number, ts: number, order: number, refund: number): void {
  if (type === order) {
    out.orders++;
    if (amount === amount) out.spend += amount;
    if (!(ts <= out.lastOrder)) out.lastOrder = ts;
  } else if (type === refund && amount === amount) out.spend -= Math.abs(amount);
}

/** Net spend (orders − |returns|), orders and the last order (NaN: none) in a window, over the known events: the purchase conditions, and an audience's export and profile. */
export function spendAndOrders(moment: CustomerMoment, types: EventTypeTable, days: number | null): Purchases {
  const { order, refund } = purchaseTypes(types);
  return purchasesFrom(moment, windowStart(moment, days), order, refund, { spend: 0, orders: 0, lastOrder: Number.NaN });
}

/** A purchase leaf's reader: the window's purchases into one reused object, the window start and type indexes worked out once. */
function purchasesOf(types: EventTypeTable, days: number | null): (moment: CustomerMoment) => Purchases {
  const { order, refund } = purchaseTypes(types);
  const from = windowStartOf(days);
  const out: Purchases = { spend: 0, orders: 0, lastOrder: Number.NaN };
  return (moment) => purchasesFrom(moment, from(moment), order, refund, out);
}

/** Net spend on the orders (minus |returns|) whose prop is one of the categories, in the window. */
function categorySpendLeaf(condition: CategorySpendCondition, types: EventTypeTable): Leaf {
  const match = compileEventMatch({ types: [ORDER_EVENT, RETURN_EVENT], where: [{ type: 'prop', key: condition.key, op: 'eq', values: condition.values }] }, types);
  const { order } = purchaseTypes(types);
  const from = windowStartOf(condition.days);
  const spend = (moment: CustomerMoment) => {
    if (!match.isPossible) return 0;
    let total = 0;
    const { timeline, extra } = moment;
    const start = from(moment);
    for (let i = firstVisibleRowFrom(moment, start); i < moment.visible; i++) {
      if (!match.matchesRow(timeline, i)) continue;
      const amount = timeline.amount[i]!;
      if (amount === amount) total += timeline.type[i] === order ? amount : -Math.abs(amount);
    }
    for (let j = 0; j < moment.extraVisible; j++) {
      if (!(extra.ts[j]! >= start) || !match.matchesExtra(extra, j)) continue;
      const amount = extra.amount[j]!;
      if (amount === amount) total += extra.type[j] === order ? amount : -Math.abs(amount);
    }
    return total;
  };
  return { needsSegments: false, test: (moment) => numberTestPasses(condition.compare, spend(moment)), fact: (moment) => mapNumber(spend(moment), `spent in ${condition.values.join('/')}`, `потрачено в ${condition.values.join('/')}`) };
}

/** The last known event matching `match` (its instant), NaN when none: rows are in time order, so read from the newest back. */
function lastMatch(match: CompiledEventMatch, moment: CustomerMoment): number {
  if (!match.isPossible) return Number.NaN;
  const { timeline, extra } = moment;
  let last = Number.NaN;
  for (let i = moment.visible - 1; i >= timeline.start; i--) {
    if (match.matchesRow(timeline, i)) {
      last = timeline.ts[i]!;
      break;
    }
  }
  for (let j = moment.extraVisible - 1; j >= 0; j--) {
    if (last === last && extra.ts[j]! <= last) break;
    if (match.matchesExtra(extra, j)) {
      last = extra.ts[j]!;
      break;
    }
  }
  return last;
}

/** Whole local days between the last matching known event and now; NaN when there is none. */
function daysSinceLastEventLeaf(condition: DaysSinceLastEventCondition, types: EventTypeTable): Leaf {
  const match = compileEventMatch(condition.event, types);
  const today = todayOf();
  const daysSince = (moment: CustomerMoment) => {
    const last = lastMatch(match, moment);
    return last === last ? today(moment) - localDayNumber(last, moment.timeZone) : Number.NaN;
  };
  return {
    needsSegments: false,
    test: (moment) => numberTestPasses(condition.compare, daysSince(moment)),
    fact: (moment) => {
      const value = daysSince(moment);
      return value === value ? countText(value, ['day since the last one', 'days since the last one'], ['день с последнего', 'дня с последнего', 'дней с последнего']) : text('never happened', 'не было ни разу');
    },
  };
}

function scoreOf(score: RfmScoreName, r: number, f: number, m: number): number {
  if (score === 'r') return r;
  if (score === 'f') return f;
  if (score === 'm') return m;
  return Math.ceil((f + m) / 2);
}

/** The customer's RFM segment id at the moment (nightly scores), null without purchases; `out` is filled instead of a new object. */
export function segmentIdAt(moment: CustomerMoment, out?: RfmAsOf): string | null {
  const source = moment.segments!;
  const rfm = source.rfmAt(moment.customer, moment.now, out);
  if (!rfm || rfm.segment < 0) return null;
  return source.segmentIds[rfm.segment] ?? OTHERS_SEGMENT_ID;
}

/** One reused scores object per leaf: a test reads the customer's scores and is done with them. */
function newRfmAsOf(): RfmAsOf {
  return { recency: 0, frequency: 0, revenue: 0, monetary: 0, r: 0, f: 0, m: 0, segment: -1 };
}

function inSet<T>(op: 'in' | 'notIn', items: readonly T[], value: T | null): boolean {
  const isIn = value !== null && items.includes(value);
  return op === 'in' ? isIn : !isIn;
}

function segmentLeaf(condition: Extract<LeafCondition, { type: 'rfmSegment' | 'rfmScore' | 'lifecycle' | 'stage' }>): Leaf {
  switch (condition.type) {
    case 'rfmSegment': {
      const scores = newRfmAsOf();
      return { needsSegments: true, test: (moment) => inSet(condition.op, condition.segments, segmentIdAt(moment, scores)), fact: (moment) => text(`segment ${segmentIdAt(moment) ?? 'none (no purchases)'}`, `сегмент ${segmentIdAt(moment) ?? 'нет (нет покупок)'}`) };
    }
    case 'rfmScore': {
      const scores = newRfmAsOf();
      const value = (moment: CustomerMoment) => {
        const rfm = moment.segments!.rfmAt(moment.customer, moment.now, scores);
        return rfm ? scoreOf(condition.score, rfm.r, rfm.f, rfm.m) : Number.NaN;
      };
      return { needsSegments: true, test: (moment) => numberTestPasses(condition.compare, value(moment)), fact: (moment) => text(`${condition.score.toUpperCase()} = ${value(moment) || '—'}`, `${condition.score.toUpperCase()} = ${value(moment) || '—'}`) };
    }
    case 'lifecycle': {
      const status = (moment: CustomerMoment) => moment.segments!.journeyAt(moment.customer, moment.now).lifecycle;
      return { needsSegments: true, test: (moment) => inSet(condition.op, condition.statuses, status(moment)), fact: (moment) => text(`lifecycle ${status(moment) ?? '—'}`, `статус ${status(moment) ?? '—'}`) };
    }
    case 'stage': {
      const stage = (moment: CustomerMoment) => moment.segments!.journeyAt(moment.customer, moment.now).stageId;
      return { needsSegments: true, test: (moment) => inSet(condition.op, condition.stages, stage(moment)), fact: (moment) => text(`stage ${stage(moment) ?? '—'}`, `этап ${stage(moment) ?? '—'}`) };
    }
    default:
      return unreachable(condition);
  }
}

function activityLeaf(condition: Extract<LeafCondition, { type: 'eventSinceEntry' | 'totalSpend' | 'orderCount' | 'daysSinceLastOrder' }>, types: EventTypeTable): Leaf {
  switch (condition.type) {
    case 'eventSinceEntry': {
      const match = compileEventMatch(condition.event, types);
      return {
        needsSegments: false,
        test: (moment) => {
          const first = firstSinceEntry(match, moment);
          return (first === first) === condition.happened;
        },
        fact: (moment) => {
          const first = firstSinceEntry(match, moment);
          if (first !== first) return text('none since entering', 'не было с момента входа');
          const when = formatLocalMinute(first, moment.timeZone);
          return text(`${condition.event.types.join('/') || 'event'} ${when}`, `${condition.event.types.join('/') || 'событие'} ${when}`);
        },
      };
    }
    case 'totalSpend': {
      const purchases = purchasesOf(types, condition.days);
      const spend = (moment: CustomerMoment) => purchases(moment).spend;
      return { needsSegments: false, test: (moment) => numberTestPasses(condition.compare, spend(moment)), fact: (moment) => mapNumber(spend(moment), 'spent', 'потрачено') };
    }
    case 'orderCount': {
      const purchases = purchasesOf(types, condition.days);
      const orders = (moment: CustomerMoment) => purchases(moment).orders;
      return { needsSegments: false, test: (moment) => numberTestPasses(condition.compare, orders(moment)), fact: (moment) => countText(orders(moment), ['order', 'orders'], ['заказ', 'заказа', 'заказов']) };
    }
    case 'daysSinceLastOrder': {
      const purchases = purchasesOf(types, null);
      const today = todayOf();
      const daysSince = (moment: CustomerMoment) => {
        const last = purchases(moment).lastOrder;
        return last === last ? today(moment) - localDayNumber(last, moment.timeZone) : Number.NaN;
      };
      return {
        needsSegments: false,
        test: (moment) => numberTestPasses(condition.compare, daysSince(moment)),
        fact: (moment) => {
          const value = daysSince(moment);
          return value === value ? countText(value, ['day since the last order', 'days since the last order'], ['день с последнего заказа', 'дня с последнего заказа', 'дней с последнего заказа']) : text('no orders', 'заказов нет');
        },
      };
    }
    default:
      return unreachable(condition);
  }
}

function mapNumber(value: number, en: string, ru: string): LocalizedText {
  const number = formatNumber(value);
  return text(`${en} ${number.en}`, `${ru} ${number.ru}`);
}

function compileLeaf(condition: LeafCondition, scope: Scope): Leaf {
  const types = scope.types;
  switch (condition.type) {
    case 'field':
      return fieldLeaf(condition);
    case 'consent':
      return { needsSegments: false, test: (moment) => condition.states.includes(consentState(moment, condition.channel)), fact: (moment) => text(`${condition.channel} consent ${consentState(moment, condition.channel)}`, `согласие ${condition.channel}: ${consentState(moment, condition.channel)}`) };
    case 'contact':
      return { needsSegments: false, test: (moment) => hasContact(moment, condition.channel) === condition.isPresent, fact: (moment) => (hasContact(moment, condition.channel) ? text(`has ${condition.channel} contact`, `есть контакт ${condition.channel}`) : text(`no ${condition.channel} contact`, `нет контакта ${condition.channel}`)) };
    case 'eventCount':
      return eventCountLeaf(condition, types);
    case 'rfmSegment':
    case 'rfmScore':
    case 'lifecycle':
    case 'stage':
      return segmentLeaf(condition);
    case 'eventSinceEntry':
    case 'totalSpend':
    case 'orderCount':
    case 'daysSinceLastOrder':
      return activityLeaf(condition, types);
    case 'categorySpend':
      return categorySpendLeaf(condition, types);
    case 'daysSinceLastEvent':
      return daysSinceLastEventLeaf(condition, types);
    case 'audience':
      return audienceLeaf(condition, scope);
    default:
      return unreachable(condition);
  }
}

function compileNode(condition: Condition, scope: Scope): Node {
  if (condition.type !== 'group') {
    const leaf = compileLeaf(condition, scope);
    return {
      needsSegments: leaf.needsSegments,
      test: leaf.test,
      explain(moment, facts) {
        facts.push(leaf.fact(moment));
        return leaf.test(moment);
      },
    };
  }
  return compileGroup(condition, scope);
}

function compileGroup(group: ConditionGroup, scope: Scope): Node {
  const items = group.items.map((item) => compileNode(item, scope));
  // an empty group is an unfinished condition (validation says so): it lets everyone through
  const isAnd = group.op === 'and' || items.length === 0;
  return {
    needsSegments: items.some((item) => item.needsSegments),
    test(moment) {
      for (const item of items) if (item.test(moment) !== isAnd) return !isAnd;
      return isAnd;
    },
    explain(moment, facts) {
      for (const item of items) if (item.explain(moment, facts) !== isAnd) return !isAnd;
      return isAnd;
    },
  };
}

function toCompiled(root: Node): CompiledCondition {
  return {
    test: root.test,
    needsSegments: root.needsSegments,
    explain(moment) {
      const facts: LocalizedText[] = [];
      return { result: root.explain(moment, facts), facts };
    },
  };
}

export interface CompileOptions {
  /** saved audiences an `audience` condition may name (default: none, so such a condition keeps nobody) */
  audiences?: AudienceConditions;
  /** the id of the audience this condition is, when it is one: naming itself, directly or through others, keeps nobody */
  selfId?: string;
}

function newScope(types: EventTypeTable, options: CompileOptions): Scope {
  return { types, audiences: options.audiences ?? {}, path: options.selfId === undefined ? [] : [options.selfId], compiled: new Map() };
}

/** Compiles a condition. An empty group matches everyone (validation reports it as unfinished). */
export function compileCondition(group: ConditionGroup, types: EventTypeTable, options: CompileOptions = {}): CompiledCondition {
  return toCompiled(compileGroup(group, newScope(types, options)));
}

/** A condition's parts compiled one by one (see compileConditionParts). */
export interface CompiledConditionParts {
  whole: CompiledCondition;
  parts: { path: string; condition: CompiledCondition }[];
  /**
   * Tests every part once at the moment — `results[i]` = 1 when part i keeps the customer — and
   * returns the whole condition's result, combined from them: what a count with "keeps N on its
   * own" per part needs, each leaf evaluated once per customer instead of once for its part and
   * again for the whole (the same answers as `whole.test` and each `parts[i].condition.test`).
   */
  testEach(moment: CustomerMoment, results: Uint8Array): boolean;
}

/** A part in the flat list: a leaf's own test, or a group's op and its children's indexes in the list. */
type FlatPart = { test: (moment: CustomerMoment) => boolean; children: null; isAnd: boolean } | { test: null; children: number[]; isAnd: boolean };

function combine(children: readonly number[], isAnd: boolean, results: Uint8Array): boolean {
  for (const child of children) if ((results[child] === 1) !== isAnd) return !isAnd;
  return isAnd;
}

/**
 * Compiles every part of a condition on its own, in one scope (a saved audience named twice is
 * compiled once): `parts[path]` keeps whom that part alone keeps, for "keeps N on its own".
 * Paths are those of the condition builder and of validation (`items.0`, `items.1.items.0`);
 * the whole condition is `''`.
 */
export function compileConditionParts(group: ConditionGroup, types: EventTypeTable, options: CompileOptions = {}): CompiledConditionParts {
  const scope = newScope(types, options);
  const parts: { path: string; condition: CompiledCondition }[] = [];
  const flat: FlatPart[] = [];
  // parts in pre-order: a group's children come after it in the list
  function visit(node: Condition, path: string): number {
    const index = flat.length;
    const compiled = toCompiled(compileNode(node, scope));
    parts.push({ path, condition: compiled });
    if (node.type !== 'group') {
      flat.push({ test: compiled.test, children: null, isAnd: true });
      return index;
    }
    const entry: FlatPart = { test: null, children: [], isAnd: node.op === 'and' || node.items.length === 0 };
    flat.push(entry);
    node.items.forEach((item, i) => entry.children.push(visit(item, path ? `${path}.items.${i}` : `items.${i}`)));
    return index;
  }
  const top = group.items.map((item, i) => visit(item, `items.${i}`));
  const isAnd = group.op === 'and' || group.items.length === 0;
  return {
    whole: toCompiled(compileGroup(group, scope)),
    parts,
    testEach(moment, results) {
      // from the last part back: a group's children are tested before it
      for (let i = flat.length - 1; i >= 0; i--) {
        const part = flat[i]!;
        results[i] = (part.test ? part.test(moment) : combine(part.children, part.isAnd, results)) ? 1 : 0;
      }
      return combine(top, isAnd, results);
    },
  };
}

function unreachable(value: never): never {
  throw new Error(`unknown condition ${JSON.stringify(value)}`);
}
