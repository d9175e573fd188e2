import { CONSENT_CHANNELS, unsubscribedChannel } from '../model';
import type { CustomerBlock, CustomerTimeline } from '../columnar';
import { dictValue, timelineBlock, timelineRow } from '../columnar';
import { newCustomerMoment, type CustomerMoment } from '../conditions';
import { createRandom } from '../random';
import { DAY_MS, ZoneOffsetCache } from '../time';
import type { LocalizedText } from '../text';
import { Agenda, AGENDA_KIND, type AgendaItem } from './agenda';
import { isInWindow, nextWindowStart } from './clockRules';
import type { ShardContext } from './context';
import { keyOf, type CustomerIds } from './customerIds';
import { GROUP_COLUMN, groupIndex, PROJECTED, projectedIndex, REASON_INDEX, REASONS, type ChainCounters } from './counters';
import { arriveAtMessage, releaseHeldMessage } from './messaging';
import { INTEREST, STEP, type RuntimeChain, type RuntimeNode } from './plan';
import { scheduleTriggers, fireTrigger, nightlyCheck, noteInactivity } from './triggerRuns';
import type { RuntimeTrigger } from './triggers';
import { summaryOf, SUPPRESSION_WORDS, waitingText, type TraceDecision, type TraceEntry } from './trace';
import { ChainVisit, GROUP } from './visit';
import { GROUPS } from './sums';
import type { RunState } from './runState';
import { SentLog } from './sentLog';
import { toUnits } from './money';

/**
 * One customer through every chain of the run at once (simulation.md), on the customer's own
 * simulated clock: the imported events in time order, the projection's synthetic events, and
 * the agenda of timers and scheduled triggers, merged by time (at one instant: imported events,
 * then synthetic ones, then the agenda). Each happening moves the customer's chain visits on;
 * everything counted goes straight into the shard's tallies. Customers are independent of each
 * other, so the shard just runs them one after another.
 */
const CONTROL_SALT = 0x636f6e74;
/** Steps through nodes at one instant before a visit is stopped (a loop without a timer). */
const MAX_STEPS_PER_INSTANT = 1000;
const ALL_INTEREST = INTEREST.trigger | INTEREST.wait | INTEREST.goal | INTEREST.inactivity | INTEREST.unsubscribe;

export class CustomerRun implements RunState {
  readonly agenda = new Agenda();
  readonly visits: ChainVisit[];
  readonly moment: CustomerMoment;
  /** the projection's events; their source message for crediting projected orders */
  readonly extraChain: number[] = [];
  readonly extraNode: number[] = [];
  readonly extraIsConversion: boolean[] = [];
  /** messages sent to this customer so far, in time order */
  readonly sent = new SentLog();
  /** scratch, one flag per chain: the chains whose messages fill a cap window */
  readonly capChains: Uint8Array;
  readonly profileReach = new Int8Array(CONSENT_CHANNELS.length);
  /** the current customer's key for random draws, −1 until the first draw asks for it (see `customerKey`) */
  private drawKey = -1;
  trace: TraceEntry[] | null = null;
  private sentDay = -1;
  private sentOnDay = 0;
  /** the last instant `dayOf` answered, and its day: a message asks for the day of the same instant two or three times */
  private dayOfTs = Number.NaN;
  private dayOfDay = 0;
  readonly offsets = new ZoneOffsetCache();
  private isReached = false;
  /**
   * Visits resting at a wait-for node (active, not held: a visit is held only at a message). An
   * event's `wait` interest acts only on them (onEvent's "happened" branch): with none, an event
   * type awaited by nothing else — an email open in the bench, most of which come when nobody
   * waits — is passed in the customer loop like one no chain reacts to. Visits change only inside
   * a happening's handler, so the count read at the top of each turn of the loop holds until the
   * next happening is handled.
   */
  private waitingVisits = 0;
  /**
   * The simulated instant of the happening being handled. The node and trigger code reads it from
   * here rather than taking it as an argument: a time is a double, and a double passed to a
   * function the compiler does not inline is boxed, a heap allocation per call (~3.5 M per run of
   * the 100,000-customer bench).
   */
  now = Number.NaN;
  private readonly item: AgendaItem = { ts: 0, kind: 0, chain: 0, node: 0, token: 0 };

  constructor(
    readonly context: ShardContext,
    private readonly ids: CustomerIds,
  ) {
    this.visits = context.plan.chains.map((chain) => new ChainVisit(chain, context.counters.chains[chain.index]!));
    this.capChains = new Uint8Array(context.plan.chains.length);
    this.moment = newCustomerMoment(context.plan.settings.timeZone, context.segments);
  }

  /** Simulates one customer; `trace` collects their trace when given. */
  run(customer: number, timeline: CustomerTimeline, profile: CustomerBlock | null, profileRow: number, trace: TraceEntry[] | null): void {
    this.reset(customer, timeline, profile, profileRow, trace);
    const { plan } = this.context;
    const { startTs, endTs } = plan.period;
    const { interest } = plan;
    const { ts, type } = timeline;
    const moment = this.moment;
    const extra = moment.extra;
    // the timeline is in time order: rows from `stop` on are at or after the end of the period, so
    // the loops below bound each event by its index alone, not by its time as well
    const stop = firstRowAtOrAfter(ts, endTs, timeline.start, timeline.end);
    let i = timeline.start;
    for (; i < stop && ts[i]! < startTs; i++) {
      const flags = interest[type[i]!]!;
      this.now = ts[i]!;
      if (flags & INTEREST.inactivity) noteInactivity(this, i, -1, false);
      if (flags & INTEREST.unsubscribe) this.revokeConsent(i, -1);
    }
    moment.visible = i;
    scheduleTriggers(this);
    for (;;) {
      const agendaTs = this.agenda.nextTime();
      const extraTs = moment.extraVisible < extra.length ? extra.ts[moment.extraVisible]! : Number.POSITIVE_INFINITY;
      const limit = Math.min(agendaTs, extraTs);
      const live = this.waitingVisits > 0 ? ALL_INTEREST : ALL_INTEREST & ~INTEREST.wait;
      // imported events nothing reacts to now are skipped in this tight loop: one time bound per
      // event, and none when nothing else happens before the period ends
      if (limit < endTs) while (i < stop && ts[i]! <= limit && (interest[type[i]!]! & live) === 0) i++;
      else while (i < stop && (interest[type[i]!]! & live) === 0) i++;
      if (i < stop && ts[i]! <= limit) {
        moment.visible = i + 1;
        this.now = ts[i]!;
        this.onEvent(type[i]!, i, -1);
        i++;
        continue;
      }
      moment.visible = i;
      if (extraTs <= agendaTs && extraTs < endTs) {
        moment.extraVisible++;
        this.now = extraTs;
        this.onEvent(extra.type[moment.extraVisible - 1]!, -1, moment.extraVisible - 1);
        continue;
      }
      if (agendaTs >= endTs) break;
      this.agenda.pop(this.item);
      this.now = this.item.ts;
      this.onAgenda(this.item);
    }
    this.finish();
  }

  /** A visit starts waiting at a wait-for node (see `waitingVisits`). */
  private startWaiting(visit: ChainVisit): void {
    visit.isWaitingForEvent = true;
    this.waitingVisits++;
  }

  /** The visit moves on or ends: if it waited at a wait-for node, it no longer does. */
  private stopWaiting(visit: ChainVisit): void {
    if (!visit.isWaitingForEvent) return;
    visit.isWaitingForEvent = false;
    this.waitingVisits--;
  }

  /** The current customer's id; read only for a trace entry or the first random draw (CustomerIds says why). */
  get customerId(): string {
    return this.ids.idOf(this.moment.customer);
  }

  /** The current customer's key for random draws, hashed from the id at the first draw. */
  get customerKey(): number {
    if (this.drawKey < 0) this.drawKey = keyOf(this.customerId);
    return this.drawKey;
  }

  private reset(customer: number, timeline: CustomerTimeline, profile: CustomerBlock | null, profileRow: number, trace: TraceEntry[] | null): void {
    this.agenda.clear();
    for (const visit of this.visits) visit.reset();
    const moment = this.moment;
    moment.customer = customer;
    moment.timeline = timeline;
    moment.visible = 0;
    const extra = moment.extra;
    // most customers get no synthetic events: an array's length is only set when there is something to drop
    if (extra.ts.length > 0) extra.length = extra.ts.length = extra.type.length = extra.amount.length = extra.props.length = 0;
    moment.extraVisible = 0;
    moment.profile = profile;
    moment.profileRow = profileRow;
    moment.revokedConsents = 0;
    // a loop, not fill: a handful of slots, reset for every customer (fill calls into the runtime)
    for (let channel = 0; channel < this.profileReach.length; channel++) this.profileReach[channel] = -1;
    if (this.extraChain.length > 0) this.extraChain.length = this.extraNode.length = this.extraIsConversion.length = 0;
    this.sent.count = 0;
    this.sentDay = -1;
    this.sentOnDay = 0;
    this.isReached = false;
    this.waitingVisits = 0;
    this.drawKey = -1;
    this.trace = trace;
  }

  // ------------------------------------------------------------------ happenings

  /** An imported (`real` ≥ 0) or synthetic (`extra` ≥ 0) event, now. */
  private onEvent(type: number, real: number, extra: number): void {
    const { plan } = this.context;
    const ts = this.now;
    const flags = plan.interest[type]!;
    if (extra >= 0 && this.trace) this.traceProjectedEvent(extra);
    if (flags & INTEREST.unsubscribe) this.revokeConsent(real, extra);
    if (flags & (INTEREST.goal | INTEREST.wait)) {
      for (const visit of this.visits) {
        if (!visit.isActive) continue;
        const chain = visit.chain;
        const node = chain.nodes[visit.node]!;
        // A wait-for that awaits this very event takes its "happened" branch before exit on goal
        // looks at it: the marketer drew that branch for this event ("Ordered within 30 minutes?"
        // → yes), so the customer walks it rather than leaving where they wait. Exit on goal still
        // ends the visit on any goal event the customer meets elsewhere, and the conversion is
        // credited either way (creditConversion below).
        if (flags & INTEREST.wait && node.waitFor && !visit.isHeld && this.matches(node.waitFor, real, extra)) {
          this.trace?.push(this.entry(ts, chain, node, 'happened', { en: `${this.typeName(real, extra)} happened`, ru: `произошло ${this.typeName(real, extra)}` }, extra >= 0));
          this.leave(visit, 0);
          continue;
        }
        if (flags & INTEREST.goal && chain.isExitOnGoal && this.matches(chain.goal!, real, extra)) {
          this.trace?.push(this.entry(ts, chain, node, 'exit_on_goal', { en: 'the goal event happened: leaves the chain', ru: 'произошло целевое событие: выходит из цепочки' }, extra >= 0));
          visit.counters.byNode.endedByGoal[visit.node]!++;
          this.endVisit(visit);
        }
      }
    }
    if (extra >= 0 && this.extraIsConversion[extra]) this.creditProjectedOrder(extra);
    if (flags & INTEREST.goal) this.creditConversion(real, extra);
    if (flags & INTEREST.inactivity) noteInactivity(this, real, extra, true);
    if (flags & INTEREST.trigger) {
      const triggers = plan.triggersByType[type]!;
      for (let k = 0; k < triggers.length; k += 2) {
        const node = plan.chains[triggers[k]!]!.nodes[triggers[k + 1]!]!;
        // triggersByType holds event triggers only (markInterest)
        const trigger = node.trigger as Extract<RuntimeTrigger, { kind: 'event' }>;
        if (this.matches(trigger.match, real, extra)) this.tryEnter(this.visits[triggers[k]!]!, node);
      }
    }
  }

  private onAgenda(item: AgendaItem): void {
    if (item.kind === AGENDA_KIND.daily) {
      nightlyCheck(this, item.node);
      return;
    }
    const visit = this.visits[item.chain]!;
    if (item.kind === AGENDA_KIND.trigger) {
      fireTrigger(this, visit, visit.chain.nodes[item.node]!, item.token);
      return;
    }
    if (!visit.isActive || visit.token !== item.token) return;
    const node = visit.chain.nodes[visit.node]!;
    if (node.message) {
      releaseHeldMessage(this, visit, node);
      return;
    }
    if (node.step === STEP.waitFor) {
      this.trace?.push(this.entry(item.ts, visit.chain, node, 'timeout', { en: 'timeout: the event did not happen in time', ru: 'время ожидания вышло: события не было' }));
      this.leave(visit, 1);
    } else {
      const decision: TraceDecision = node.step === STEP.until ? 'window_open' : 'delay_done';
      this.trace?.push(this.entry(item.ts, visit.chain, node, decision, decision === 'window_open' ? { en: 'the send window opened', ru: 'открылось окно отправки' } : { en: 'delay done', ru: 'задержка прошла' }));
      this.leave(visit, 0);
    }
  }

  // ------------------------------------------------------------------ entering, walking, leaving

  tryEnter(visit: ChainVisit, trigger: RuntimeNode): void {
    const chain = visit.chain;
    const ts = this.now;
    const counters = visit.counters;
    // the refusal's index in REASONS, −1 for none: counting it is a plain array increment
    let refusal = -1;
    if (visit.isActive) refusal = REASON_INDEX.already_in_chain;
    else if (visit.entries > 0 && (chain.reEntry === 'once' || (chain.reEntry === 'cooldown' && ts < visit.lastExitTs + chain.cooldownMs))) refusal = REASON_INDEX.re_entry;
    if (refusal >= 0) {
      counters.reasons[trigger.index * REASONS.length + refusal]!++;
      this.trace?.push(this.entry(ts, chain, trigger, 'refused', SUPPRESSION_WORDS[REASONS[refusal]!]!));
      return;
    }
    const { settings } = this.context.plan;
    visit.isActive = true;
    visit.entries++;
    visit.token++;
    visit.isHeld = false;
    visit.enteredAt = ts;
    visit.entryVisible = this.moment.visible;
    visit.entryExtraVisible = this.moment.extraVisible;
    const isControl = chain.controlFraction > 0 && createRandom(settings.seed, this.customerKey, chain.key, CONTROL_SALT, visit.entries).next() < chain.controlFraction;
    visit.group = isControl ? GROUP.control : GROUP.treatment;
    this.joinGroup(visit, counters);
    counters.entries++;
    this.context.counters.byDay.entries[this.dayOf()]!++;
    counters.byNode.enteredByTrigger[trigger.index]!++;
    visit.nodeVisits[trigger.index]!++;
    visit.node = trigger.index;
    this.trace?.push(this.entry(ts, chain, trigger, 'entered', isControl ? { en: 'entered (control group: receives nothing)', ru: 'вошёл (контрольная группа: ничего не получает)' } : { en: 'entered', ru: 'вошёл' }));
    this.leave(visit, 0);
  }

  joinGroup(visit: ChainVisit, counters: ChainCounters): void {
    if (!(visit.groupsSeen & (1 << visit.group))) visit.groupsSeen |= 1 << visit.group;
    counters.groups[groupIndex(GROUP_COLUMN.entries, visit.group)]!++;
  }

  /** Leaves the visit's node by port `port` now and walks on through nodes that take no time. */
  leave(visit: ChainVisit, port: number): void {
    visit.token++;
    visit.isHeld = false;
    this.stopWaiting(visit);
    const chain = visit.chain;
    const left = visit.counters.left;
    const portOffset = visit.counters.portOffset;
    let node = chain.nodes[visit.node]!;
    let leaving = port;
    for (let step = 0; ; step++) {
      const next = node.next[leaving]!;
      if (next < 0) {
        this.trace?.push(this.entry(this.now, chain, node, 'dead_end', { en: `way out "${node.ports[leaving]}" leads nowhere: the path ends here`, ru: `выход «${node.ports[leaving]}» никуда не ведёт: путь заканчивается здесь` }));
        this.endVisit(visit);
        return;
      }
      // the step's edge and the next node's arrivals are counted from this (ChainCounters)
      left[portOffset[node.index]! + leaving]!++;
      node = chain.nodes[next]!;
      visit.node = next;
      visit.nodeVisits[next]!++;
      if (step >= MAX_STEPS_PER_INSTANT) {
        this.trace?.push(this.entry(this.now, chain, node, 'loop', { en: 'goes round a loop without a timer: stopped', ru: 'ходит по петле без таймера: остановлен' }));
        this.endVisit(visit);
        return;
      }
      leaving = this.arrive(visit, node);
      if (leaving < 0) return;
    }
  }

  /** What a node does with a customer who arrives now: the port to leave by at once, or −1 (waits, or the visit ended). */
  private arrive(visit: ChainVisit, node: RuntimeNode): number {
    const chain = visit.chain;
    switch (node.step) {
      case STEP.filter:
        return this.filter(visit, node);
      case STEP.split:
        return this.split(visit, node);
      case STEP.delay:
      case STEP.until:
      case STEP.waitFor:
        return this.startTimer(visit, node);
      case STEP.message:
        return arriveAtMessage(this, visit, node);
      case STEP.goal: {
        const isGoal = node.node.kind === 'goal' && node.node.outcome === 'goal';
        this.trace?.push(this.entry(this.now, chain, node, isGoal ? 'goal' : 'exit', isGoal ? { en: `goal ${summaryOf(node.node).en}`, ru: `цель ${summaryOf(node.node).ru}` } : { en: 'exit', ru: 'выход' }));
        this.endVisit(visit);
        return -1;
      }
      case STEP.trigger:
        return 0;
    }
  }

  private filter(visit: ChainVisit, node: RuntimeNode): number {
    const moment = this.momentFor(visit);
    if (!this.trace) return node.condition!.test(moment) ? 0 : 1;
    const { result, facts } = node.condition!.explain(moment);
    const summary = summaryOf(node.node);
    const found = facts.length ? { en: ` (${facts.map((fact) => fact.en).join('; ')})`, ru: ` (${facts.map((fact) => fact.ru).join('; ')})` } : { en: '', ru: '' };
    const answer = result ? { en: 'yes', ru: 'да' } : { en: 'no', ru: 'нет' };
    this.trace.push(this.entry(this.now, visit.chain, node, result ? 'yes' : 'no', { en: `filter "${summary.en}": ${answer.en}${found.en}`, ru: `фильтр «${summary.ru}»: ${answer.ru}${found.ru}` }));
    return result ? 0 : 1;
  }

  private split(visit: ChainVisit, node: RuntimeNode): number {
    const split = node.split!;
    const total = split.cumulative[split.cumulative.length - 1] ?? 0;
    if (total <= 0) return 0;
    const draw = createRandom(this.context.plan.settings.seed, this.customerKey, node.key, visit.nodeVisits[node.index]!).next() * total;
    let branch = 0;
    while (branch < split.cumulative.length - 1 && draw >= split.cumulative[branch]!) branch++;
    if (split.isHoldout[branch] && visit.group === GROUP.treatment) {
      visit.group = GROUP.holdout;
      this.joinGroup(visit, visit.counters);
    }
    const port = node.ports[branch]!;
    this.trace?.push(this.entry(this.now, visit.chain, node, 'branch', split.isHoldout[branch] ? { en: `branch ${port} (holdout: receives nothing)`, ru: `ветка ${port} (холдаут: ничего не получает)` } : { en: `branch ${port}`, ru: `ветка ${port}` }));
    return branch;
  }

  private startTimer(visit: ChainVisit, node: RuntimeNode): number {
    const chain = visit.chain;
    const ts = this.now;
    if (node.step === STEP.until) {
      if (isInWindow(node.window!, ts, chain.timeZone)) return 0;
      const opens = nextWindowStart(node.window!, ts, chain.timeZone);
      this.trace?.push(this.entry(ts, chain, node, 'window_wait', waitingText(node.node, opens, chain.timeZone)));
      if (opens < Number.POSITIVE_INFINITY) this.agenda.push(opens, AGENDA_KIND.timer, chain.index, node.index, visit.token);
      return -1;
    }
    const due = ts + node.durationMs;
    if (node.step === STEP.waitFor) {
      this.trace?.push(this.entry(ts, chain, node, 'waiting', waitingText(node.node, due, chain.timeZone)));
      this.startWaiting(visit);
    }
    this.agenda.push(due, AGENDA_KIND.timer, chain.index, node.index, visit.token);
    return -1;
  }

  endVisit(visit: ChainVisit): void {
    const ts = this.now;
    visit.counters.byNode.ended[visit.node]!++;
    visit.isActive = false;
    visit.isHeld = false;
    this.stopWaiting(visit);
    visit.token++;
    visit.lastExitTs = ts;
    visit.windowStart = visit.enteredAt;
    visit.windowEnd = ts + visit.chain.attributionMs;
    visit.windowGroup = visit.group;
  }

  // ------------------------------------------------------------------ conversions

  /** An imported goal event: the organic baseline, credited to the latest message it follows within that chain's window; and to the chains' groups. */
  private creditConversion(real: number, extra: number): void {
    const { plan, counters } = this.context;
    const ts = this.now;
    const isReal = real >= 0;
    if (isReal) {
      const sent = this.sent;
      for (let m = sent.count - 1; m >= 0 && ts - sent.ts[m]! <= plan.maxAttributionMs; m--) {
        const chain = plan.chains[sent.chain[m]!]!;
        if (ts - sent.ts[m]! > chain.attributionMs || !chain.goal || !this.matches(chain.goal, real, extra)) continue;
        const chainCounters = counters.chains[chain.index]!;
        const units = this.goalUnits(real, extra);
        chainCounters.byNode.conversions[sent.node[m]!]!++;
        chainCounters.byNode.revenue[sent.node[m]!]! += units;
        chainCounters.conversionsTotal++;
        chainCounters.revenueTotal += units;
        const day = this.dayOf();
        counters.byDay.conversions[day]!++;
        counters.byDay.revenue[day]! += units;
        break;
      }
    }
    for (const visit of this.visits) {
      const chain = visit.chain;
      if (!chain.goal || !visit.isInConversionWindow(ts) || !this.matches(chain.goal, real, extra)) continue;
      const group = visit.conversionGroup();
      const groups = visit.counters.groups;
      const units = this.goalUnits(real, extra);
      visit.groupsConverted |= 1 << group;
      groups[groupIndex(isReal ? GROUP_COLUMN.conversions : GROUP_COLUMN.projectedConversions, group)]!++;
      groups[groupIndex(isReal ? GROUP_COLUMN.revenue : GROUP_COLUMN.projectedRevenue, group)]! += units;
    }
  }

  /**
   * A goal event's amount in money units, read only when the event is credited: most orders are
   * not (no message or visit within a window), and the amount is a memory read of its own: the
   * customer loop reads only the times and types of the events it passes.
   */
  private goalUnits(real: number, extra: number): number {
    return toUnits(real >= 0 ? this.moment.timeline.amount[real]! : this.moment.extra.amount[extra]!);
  }

  /** A projected order: counted for the message that drew it, on the day it happens. */
  private creditProjectedOrder(extra: number): void {
    const { counters } = this.context;
    const chainCounters = counters.chains[this.extraChain[extra]!]!;
    const units = toUnits(this.moment.extra.amount[extra]!);
    chainCounters.projected[projectedIndex(this.extraNode[extra]!, PROJECTED.conversions)]!++;
    chainCounters.projected[projectedIndex(this.extraNode[extra]!, PROJECTED.revenue)]! += units;
    counters.projected[PROJECTED.conversions]!++;
    counters.projected[PROJECTED.revenue]! += units;
    const day = this.dayOf();
    counters.byDay.projectedConversions[day]!++;
    counters.byDay.projectedRevenue[day]! += units;
  }

  private revokeConsent(real: number, extra: number): void {
    const channel = unsubscribedChannel(real >= 0 ? this.propOf(real, 'channel') : this.moment.extra.props[extra]!.channel);
    this.moment.revokedConsents |= 1 << CONSENT_CHANNELS.indexOf(channel);
  }

  // ------------------------------------------------------------------ the end

  private finish(): void {
    const { counters } = this.context;
    let chainsEntered = 0;
    for (const visit of this.visits) {
      const chainCounters = visit.counters;
      if (visit.isActive) {
        chainCounters.byNode.waiting[visit.node]!++;
        this.trace?.push(this.entry(this.context.plan.period.endTs, visit.chain, visit.chain.nodes[visit.node]!, 'waiting_at_end', { en: 'still here when the period ends', ru: 'всё ещё здесь, когда период закончился' }));
      }
      if (visit.entries === 0) continue;
      chainsEntered++;
      chainCounters.customers++;
      for (let group = 0; group < 3; group++) {
        if (visit.groupsSeen & (1 << group)) chainCounters.groups[groupIndex(GROUP_COLUMN.customers, group)]!++;
        if (visit.groupsConverted & (1 << group)) chainCounters.groups[groupIndex(GROUP_COLUMN.converted, group)]!++;
      }
    }
    this.countOverlap(chainsEntered);
    this.closeSentDay();
    if (this.isReached) counters.customersReached++;
    counters.customers++;
  }

  private countOverlap(chainsEntered: number): void {
    if (chainsEntered < 2) return;
    const { counters } = this.context;
    const chains = this.visits.length;
    counters.customersInSeveralChains++;
    for (let a = 0; a < chains; a++) {
      if (this.visits[a]!.entries === 0) continue;
      for (let b = a + 1; b < chains; b++) if (this.visits[b]!.entries > 0) counters.chainPairs[a * chains + b]!++;
    }
  }

  /** Counts a message sent now towards customer-days with messages. */
  noteSent(): void {
    this.isReached = true;
    const day = this.dayOf();
    if (day !== this.sentDay) {
      this.closeSentDay();
      this.sentDay = day;
      this.sentOnDay = 0;
    }
    this.sentOnDay++;
  }

  private closeSentDay(): void {
    if (this.sentDay < 0 || this.sentOnDay === 0) return;
    const { counters } = this.context;
    counters.customerDaysWithMessages++;
    if (this.sentOnDay > 1) counters.customerDaysWithSeveralMessages++;
    counters.noteCustomerDay(this.moment.customer, this.sentDay, this.sentOnDay);
    this.sentOnDay = 0;
  }

  // ------------------------------------------------------------------ helpers

  matches(match: NonNullable<RuntimeNode['waitFor']>, real: number, extra: number): boolean {
    return real >= 0 ? match.matchesRow(this.moment.timeline, real) : match.matchesExtra(this.moment.extra, extra);
  }

  /** The customer's moment as `visit`'s chain sees it at `ts` (now by default: read here, not passed, see `now`). */
  momentFor(visit: ChainVisit | null, ts = this.now): CustomerMoment {
    const moment = this.moment;
    moment.now = ts;
    moment.timeZone = visit ? visit.chain.timeZone : this.context.plan.settings.timeZone;
    moment.entryVisible = visit ? visit.entryVisible : -1;
    moment.entryExtraVisible = visit ? visit.entryExtraVisible : -1;
    return moment;
  }

  /** The period's day (index) that now falls on in the workspace's zone. */
  dayOf(): number {
    const ts = this.now;
    if (ts === this.dayOfTs) return this.dayOfDay;
    const { period, settings } = this.context.plan;
    this.dayOfTs = ts;
    // localDayNumber's formula, with the offset a message's quiet-hours check has just looked up
    const day = Math.floor((ts + this.offsetOf(settings.timeZone)) / DAY_MS);
    this.dayOfDay = Math.min(Math.max(day - period.fromDay, 0), period.days - 1);
    return this.dayOfDay;
  }

  /** The zone's UTC offset now: the customer's clock moves forward, mostly within one span of the same offset (ZoneOffsetCache). */
  offsetOf(timeZone: string): number {
    return this.offsets.offsetAt(this.now, timeZone);
  }

  private propOf(real: number, key: string): string | undefined {
    const timeline = this.moment.timeline;
    const column = timelineBlock(timeline, real).props[key];
    return column ? dictValue(column, timelineRow(timeline, real)) : undefined;
  }

  private typeName(real: number, extra: number): string {
    const type = real >= 0 ? this.moment.timeline.type[real]! : this.moment.extra.type[extra]!;
    return this.context.plan.types.names[type] ?? 'event';
  }

  entry(ts: number, chain: RuntimeChain, node: RuntimeNode, decision: TraceDecision, reason: LocalizedText, isProjected = false): TraceEntry {
    const entry: TraceEntry = { ts, customerId: this.customerId, chainId: chain.id, nodeId: node.id, decision, group: GROUPS[this.visits[chain.index]!.group]!, reason };
    if (isProjected) entry.isProjected = true;
    return entry;
  }

  /** A traced customer's synthetic event, at the message that drew it: the trace shows what the projection added. */
  private traceProjectedEvent(extra: number): void {
    const chain = this.context.plan.chains[this.extraChain[extra]!]!;
    const node = chain.nodes[this.extraNode[extra]!]!;
    const name = this.typeName(-1, extra);
    this.trace!.push(this.entry(this.now, chain, node, 'projected', { en: `projected ${name} (drawn by the projection, not in the data)`, ru: `прогноз: ${name} (сгенерировано проекцией, в данных этого нет)` }, true));
  }
}

/** The first row in [from, to) of the time-ordered `ts` at or after `time` (`to` if none). */
function firstRowAtOrAfter(ts: Float64Array, time: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ts[mid]! < time) low = mid + 1;
    else high = mid;
  }
  return low;
}
