import type { CompiledCondition } from '../conditions';
import { startOfLocalDay } from '../time';
import { AGENDA_KIND } from './agenda';
import type { RunState } from './runState';
import type { RuntimeNode } from './plan';
import { dateParts, dateTriggerInstants, instantDateParts, isInSegment } from './triggers';
import type { ChainVisit } from './visit';
import { dictValue } from '../columnar';

/**
 * The triggers that fire by the clock rather than on an event: inactivity (N days after the
 * last matching event, re-armed by the next one), dates (birthday, anniversary …), one-off
 * audience sends, and the nightly ones — segment entry and joining an audience — checked at
 * every local midnight of the workspace's zone, entering on the night the customer comes into
 * the segment or audience (whoever is already in it when the period starts does not "come into"
 * it). An audience is judged at midnight as of the day that just ended, exactly as the Audiences
 * screen shows it for that date (src/domain/audiences/evaluate.ts).
 */
function triggerSlot(visit: ChainVisit, node: RuntimeNode): number {
  return visit.chain.triggers.indexOf(node);
}

function profileText(run: RunState, field: string, timeZone: string): { year: number; month: number; day: number } | null {
  const { profile, profileRow } = run.moment;
  if (!profile) return null;
  if (field === 'signupAt') {
    const ts = profile.signupAt[profileRow]!;
    return ts === ts ? instantDateParts(ts, timeZone) : null;
  }
  if (field.startsWith('attrs.')) {
    const column = profile.attrs[field.slice(6)];
    return dateParts(column ? dictValue(column, profileRow) : undefined);
  }
  return dateParts((profile.text as Record<string, string[] | undefined>)[field]?.[profileRow]);
}

/** Puts the customer's scheduled triggers of the period on the agenda (after the history before it was read). */
export function scheduleTriggers(run: RunState): void {
  const { plan, segments } = run.context;
  const { startTs, endTs, fromDay } = plan.period;
  for (const visit of run.visits) {
    const chain = visit.chain;
    // a loop, not forEach: this runs for every customer, and a closure per chain is an allocation each time
    for (let slot = 0; slot < chain.triggers.length; slot++) {
      const node = chain.triggers[slot]!;
      const trigger = node.trigger!;
      switch (trigger.kind) {
        case 'inactivity': {
          const deadline = visit.inactivityLast[slot]! + trigger.ms;
          if (deadline >= startTs && deadline < endTs) run.agenda.push(deadline, AGENDA_KIND.trigger, chain.index, node.index, visit.inactivityToken[slot]!);
          break;
        }
        case 'date': {
          const parts = profileText(run, trigger.field, chain.timeZone);
          if (parts) for (const ts of dateTriggerInstants(trigger, parts, chain.timeZone, plan.period)) run.agenda.push(ts, AGENDA_KIND.trigger, chain.index, node.index, 0);
          break;
        }
        case 'audience':
          if (trigger.isOnJoin) visit.segmentMember[slot] = isInAudienceAsOf(run, trigger.condition, startTs - 1) ? 1 : 0;
          else if (trigger.at >= startTs && trigger.at < endTs && trigger.condition) run.agenda.push(trigger.at, AGENDA_KIND.trigger, chain.index, node.index, 0);
          break;
        case 'segment':
          if (segments) visit.segmentMember[slot] = isInSegment(trigger.segment, segments, run.moment.customer, startOfLocalDay(fromDay - 1, plan.settings.timeZone)) ? 1 : 0;
          break;
        case 'event':
          break;
      }
    }
  }
  if (plan.hasDailyTriggers) run.agenda.push(startTs, AGENDA_KIND.daily, 0, 0, 0);
}

/** A matching event (now) restarts the inactivity clocks it belongs to; in the period, the new deadline goes on the agenda. */
export function noteInactivity(run: RunState, real: number, extra: number, isInPeriod: boolean): void {
  const { endTs } = run.context.plan.period;
  const ts = run.now;
  for (const visit of run.visits) {
    const triggers = visit.chain.triggers;
    for (let slot = 0; slot < triggers.length; slot++) {
      const trigger = triggers[slot]!.trigger!;
      if (trigger.kind !== 'inactivity' || !run.matches(trigger.match, real, extra)) continue;
      visit.inactivityLast[slot] = ts;
      const token = ++visit.inactivityToken[slot]!;
      if (isInPeriod && ts + trigger.ms < endTs) run.agenda.push(ts + trigger.ms, AGENDA_KIND.trigger, visit.chain.index, triggers[slot]!.index, token);
    }
  }
}

export function fireTrigger(run: RunState, visit: ChainVisit, node: RuntimeNode, token: number): void {
  const trigger = node.trigger!;
  if (trigger.kind === 'inactivity' && visit.inactivityToken[triggerSlot(visit, node)] !== token) return;
  if (trigger.kind === 'audience' && !trigger.condition?.test(run.momentFor(null))) return;
  run.tryEnter(visit, node);
}

/**
 * Whether the customer is in the audience as of `instant` (the Audiences screen's "as of the end
 * of a day" is its last millisecond): the events at later instants the run has already read at
 * this point of its clock are hidden for the test, then shown again.
 */
function isInAudienceAsOf(run: RunState, condition: CompiledCondition | null, instant: number): boolean {
  if (!condition) return false;
  const moment = run.momentFor(null, instant);
  const { visible, extraVisible } = moment;
  while (moment.visible > moment.timeline.start && moment.timeline.ts[moment.visible - 1]! > instant) moment.visible--;
  while (moment.extraVisible > 0 && moment.extra.ts[moment.extraVisible - 1]! > instant) moment.extraVisible--;
  const isMember = condition.test(moment);
  moment.visible = visible;
  moment.extraVisible = extraVisible;
  return isMember;
}

/** The nightly check of day `day` (index in the period) at its local midnight (now): segment entry, joining an audience; schedules the next night. */
export function nightlyCheck(run: RunState, day: number): void {
  const { plan, segments } = run.context;
  const ts = run.now;
  for (const visit of run.visits) {
    visit.chain.triggers.forEach((node, slot) => {
      const trigger = node.trigger!;
      let isMember: boolean;
      if (trigger.kind === 'segment') isMember = isInSegment(trigger.segment, segments!, run.moment.customer, ts);
      else if (trigger.kind === 'audience' && trigger.isOnJoin) isMember = isInAudienceAsOf(run, trigger.condition, ts - 1);
      else return;
      if (isMember && !visit.segmentMember[slot]) run.tryEnter(visit, node);
      visit.segmentMember[slot] = isMember ? 1 : 0;
    });
  }
  if (day + 1 < plan.period.days) run.agenda.push(startOfLocalDay(plan.period.fromDay + day + 1, plan.settings.timeZone), AGENDA_KIND.daily, 0, day + 1, 0);
}
