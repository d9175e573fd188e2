import { CHANNEL_CONSENT, MESSAGE_CHANNELS } from '../chains';
import { CONSENT_CHANNELS, type ConsentChannel } from '../model';
import { consentState, hasContact } from '../conditions';
import { createRandom } from '../random';
import { DAY_MS, localDayNumber, localMinuteAtOffset } from '../time';
import type { LocalizedText } from '../text';
import { AGENDA_KIND } from './agenda';
import { isInQuietHours, quietHoursEnd } from './clockRules';
import { PROJECTED, projectedIndex, REASON_INDEX, REASONS } from './counters';
import type { RunState } from './runState';
import { UNSUBSCRIBE_EVENT, type RuntimeChain, type RuntimeMessage, type RuntimeNode } from './plan';
import { addSyntheticEvent, PROJECTED_DELAYS } from './projection';
import { channelName, localTime, SUPPRESSION_WORDS } from './trace';
import { GROUP, type ChainVisit } from './visit';

/**
 * A customer at a message node (simulation.md "Guards"): control-group and holdout customers
 * receive nothing (the message is withheld and they go on); everyone else passes the guards —
 * consent and contact for the channel, quiet hours (wait until they end, or drop), the
 * frequency cap across every chain of the run — or the message is suppressed with its reason,
 * and the customer goes on or leaves as the node says. Consent, contact and the cap are checked
 * again at the moment a held message goes out.
 */
const PROJECTION_SALT = 0x70726f6a;

/** No reason: the message may go out. Reasons are passed as their index in REASONS, so counting one is a plain array increment. */
const NO_PROBLEM = -1;
/** What the profile says of a consent channel, by code (RunState.profileReach keeps it per customer): the reason's index, or NO_PROBLEM. */
const PROFILE_PROBLEMS: readonly number[] = [NO_PROBLEM, REASON_INDEX.no_consent, REASON_INDEX.consent_unknown, REASON_INDEX.no_contact];

/** Consent, then contact, for the message's channel: the reason's index in REASONS, NO_PROBLEM when both are there. */
function reachabilityProblem(run: RunState, message: RuntimeMessage): number {
  if (!message.channel) return REASON_INDEX.no_channel;
  if (run.context.plan.settings.assumeReachable) return NO_PROBLEM;
  const consent = message.consentIndex;
  if (consent < 0) return NO_PROBLEM;
  // a consent withdrawn during the run reads "no" (as consentState has it); otherwise the answer
  // depends on the profile alone, which is read once per customer and channel
  if (run.moment.revokedConsents & (1 << consent)) return REASON_INDEX.no_consent;
  let code = run.profileReach[consent]!;
  if (code < 0) code = run.profileReach[consent] = profileProblemCode(run, CONSENT_CHANNELS[consent]!);
  return PROFILE_PROBLEMS[code]!;
}

/** The index in PROFILE_PROBLEMS of what the profile says of reaching the customer on `consent` (no consent withdrawn). */
function profileProblemCode(run: RunState, consent: ConsentChannel): number {
  const state = consentState(run.moment, consent);
  if (state !== 'yes') return state === 'no' ? 1 : 2;
  return hasContact(run.moment, consent) ? 0 : 3;
}

/** A customer arrives at a message node now: the port to leave by at once, or −1 (held by quiet hours, or the visit ended). */
export function arriveAtMessage(run: RunState, visit: ChainVisit, node: RuntimeNode): number {
  const chain = visit.chain;
  const ts = run.now;
  if (visit.group !== GROUP.treatment) {
    const isControl = visit.group === GROUP.control;
    visit.counters.withheld[node.index * 2 + (isControl ? 0 : 1)]!++;
    run.context.counters.withheld++;
    if (run.trace) {
      const who = isControl ? { en: 'control group', ru: 'контрольная группа' } : { en: 'holdout branch', ru: 'холдаут' };
      run.trace.push(run.entry(ts, chain, node, 'withheld', { en: `${channelName(node.node).en} withheld (${who.en}: receives nothing)`, ru: `${channelName(node.node).ru} не отправлено (${who.ru}: ничего не получает)` }));
    }
    return 0;
  }
  const message = node.message!;
  run.momentFor(visit);
  const problem = reachabilityProblem(run, message);
  if (problem !== NO_PROBLEM) return suppress(run, visit, node, problem);
  if (chain.quiet && isInQuietHours(chain.quiet, localMinuteAtOffset(ts, run.offsetOf(chain.timeZone)))) {
    if (chain.quiet.isDrop) return suppress(run, visit, node, REASON_INDEX.quiet_hours);
    const release = quietHoursEnd(chain.quiet, ts, chain.timeZone, run.offsets);
    visit.isHeld = true;
    run.agenda.push(release, AGENDA_KIND.timer, chain.index, node.index, visit.token);
    if (run.trace) {
      const name = channelName(node.node);
      run.trace.push(run.entry(ts, chain, node, 'held', { en: `${name.en} held by quiet hours until ${localTime(release, chain.timeZone)} local`, ru: `${name.ru} ждёт конца тихих часов до ${localTime(release, chain.timeZone)} местного` }));
    }
    return -1;
  }
  return sendNow(run, visit, node);
}

/** Quiet hours are over: the held message goes out now, guards permitting. */
export function releaseHeldMessage(run: RunState, visit: ChainVisit, node: RuntimeNode): void {
  visit.isHeld = false;
  run.momentFor(visit);
  const problem = reachabilityProblem(run, node.message!);
  const port = problem !== NO_PROBLEM ? suppress(run, visit, node, problem) : sendNow(run, visit, node);
  if (port >= 0) run.leave(visit, port);
}

/** Messages to this customer inside the chain's cap window ending now; the chains they came from are flagged in `run.capChains`. */
function capWindowCount(run: RunState, chain: RuntimeChain): number {
  const cap = chain.cap!;
  const ts = run.now;
  const chains = run.capChains;
  // a loop, not fill: one slot per chain, cleared for every message sent (fill calls into the runtime)
  for (let other = 0; other < chains.length; other++) chains[other] = 0;
  let count = 0;
  const log = run.sent;
  if (cap.isCalendar) {
    const firstDay = localDayNumber(ts, chain.timeZone) - cap.days + 1;
    for (let m = log.count - 1; m >= 0 && localDayNumber(log.ts[m]!, chain.timeZone) >= firstDay; m--) {
      count++;
      chains[log.chain[m]!] = 1;
    }
    return count;
  }
  const after = ts - cap.days * DAY_MS;
  for (let m = log.count - 1; m >= 0 && log.ts[m]! > after; m--) {
    count++;
    chains[log.chain[m]!] = 1;
  }
  return count;
}

function sendNow(run: RunState, visit: ChainVisit, node: RuntimeNode): number {
  const chain = visit.chain;
  if (chain.cap && capWindowCount(run, chain) >= chain.cap.messages) {
    const { counters } = run.context;
    counters.capHits++;
    const chains = run.visits.length;
    for (let other = 0; other < chains; other++) if (run.capChains[other]) counters.capPairs[chain.index * chains + other]!++;
    return suppress(run, visit, node, REASON_INDEX.frequency_cap);
  }
  send(run, visit, node);
  return 0;
}

function send(run: RunState, visit: ChainVisit, node: RuntimeNode): void {
  const chain = visit.chain;
  const ts = run.now;
  const message = node.message!;
  const counters = run.context.counters;
  const own = visit.counters;
  own.byNode.sent[node.index]!++;
  own.messages++;
  own.cost += message.costUnits;
  const day = run.dayOf();
  counters.sentByChannel[message.channelIndex]!++;
  counters.dayMessages[day * MESSAGE_CHANNELS.length + message.channelIndex]!++;
  counters.byDay.cost[day]! += message.costUnits;
  run.sent.add(ts, chain.index, node.index);
  run.noteSent();
  // the trace's words are only made for a traced customer: this runs for every message sent
  if (run.trace) {
    const name = channelName(node.node);
    run.trace.push(run.entry(ts, chain, node, 'sent', { en: `${name.en} sent`, ru: `${name.ru} отправлено` }));
  }
  if (run.context.plan.settings.projection && message.rates) project(run, visit, node);
}

/** Suppresses the message for the reason with index `reason` in REASONS. */
function suppress(run: RunState, visit: ChainVisit, node: RuntimeNode, reason: number): number {
  const chain = visit.chain;
  const own = visit.counters;
  own.reasons[node.index * REASONS.length + reason]!++;
  own.suppressedMessages++;
  const counters = run.context.counters;
  counters.reasons[reason]!++;
  counters.byDay.suppressed[run.dayOf()]!++;
  const isExit = node.message!.isExitOnSuppressed;
  if (run.trace) {
    const name = channelName(node.node);
    const words = SUPPRESSION_WORDS[REASONS[reason]!]!;
    const then: LocalizedText = isExit ? { en: 'leaves the chain', ru: 'выходит из цепочки' } : { en: 'goes on', ru: 'идёт дальше' };
    run.trace.push(run.entry(run.now, chain, node, 'suppressed', { en: `${name.en} suppressed: ${words.en}; ${then.en}`, ru: `${name.ru} не отправлено: ${words.ru}; ${then.ru}` }));
  }
  if (!isExit) return 0;
  run.endVisit(visit);
  return -1;
}

/** The customer's own average order value as known at `ts`, else the node's, else the workspace's; 0 when none is known. */
function projectedOrderValue(run: RunState, message: RuntimeMessage): number {
  const { timeline, visible } = run.moment;
  const orderType = run.context.plan.orderType;
  let total = 0;
  let count = 0;
  for (let i = timeline.start; i < visible; i++) {
    if (timeline.type[i] !== orderType) continue;
    const amount = timeline.amount[i]!;
    if (amount === amount) {
      total += amount;
      count++;
    }
  }
  if (count) return total / count;
  if (message.orderValue === message.orderValue) return message.orderValue;
  const average = run.context.globals.averageOrderValue;
  return average === average ? average : 0;
}

/**
 * Draws what the customer does with a delivered message, from a generator keyed by (seed,
 * customer, node, occurrence); opens, clicks, orders and unsubscribes become synthetic events in
 * the customer's timeline (never stored), so later filters, wait-fors and triggers react to them.
 */
function project(run: RunState, visit: ChainVisit, node: RuntimeNode): void {
  const chain = visit.chain;
  const ts = run.now;
  const message = node.message!;
  const rates = message.rates!;
  const own = visit.counters.projected;
  const total = run.context.counters.projected;
  const random = createRandom(run.context.plan.settings.seed, run.customerKey, node.key, visit.nodeVisits[node.index]!, PROJECTION_SALT);
  if (!(random.next() < rates.delivered)) return;
  const isUnsubscribed = random.next() < rates.unsubscribed;
  const isOpened = random.next() < rates.opened;
  const isClicked = isOpened && random.next() < rates.clicked;
  const isConverted = isClicked && random.next() < rates.converted;
  const count = (column: number) => {
    own[projectedIndex(node.index, column)]!++;
    total[column]!++;
  };
  count(PROJECTED.delivered);
  const channel = message.channel!;
  const props = { source: 'simulation', channel, chain: chain.id, node: node.id };
  const plan = run.context.plan;
  if (isOpened) {
    count(PROJECTED.opened);
    if (message.openedType >= 0) addSyntheticEvent(run, ts + PROJECTED_DELAYS.opened, message.openedType, Number.NaN, props, chain.index, node.index, false);
  }
  if (isClicked) {
    count(PROJECTED.clicked);
    addSyntheticEvent(run, ts + PROJECTED_DELAYS.clicked, message.clickedType, Number.NaN, props, chain.index, node.index, false);
  }
  if (isUnsubscribed) {
    count(PROJECTED.unsubscribed);
    const consent = CHANNEL_CONSENT[channel] ?? channel;
    addSyntheticEvent(run, ts + PROJECTED_DELAYS.unsubscribed, plan.types.indexOf(UNSUBSCRIBE_EVENT), Number.NaN, { ...props, channel: consent }, chain.index, node.index, false);
  }
  if (isConverted) addSyntheticEvent(run, ts + PROJECTED_DELAYS.converted, plan.orderType, projectedOrderValue(run, message), props, chain.index, node.index, true);
}

