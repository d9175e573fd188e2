import { z } from 'zod';
import { eventMatchReferences, mapEventMatchTypes } from '../../conditions/references';
import { eventMatchSchema } from '../../conditions/schema';
import { summarizeEventMatch } from '../../conditions/summary';
import { validateEventMatch } from '../../conditions/validate';
import type { LocalizedText } from '../../text';
import type { NodeIssue } from '../findings';
import { durationText, minutesOfDay } from '../localTime';
import { HAPPENED_PORT, OUT_PORT, port, TIMEOUT_PORT } from '../ports';
import { durationSchema, timeWindowSchema } from '../schemaParts';
import type { TimerNode, TimerRule, Weekday } from '../types';
import { fromConditionIssues, issue, nodeBaseShape, unreachable } from './common';
import type { NodeModule } from './module';

/** Waiting (simulation.md "Timer"): a delay, until a local time window, or for an event up to a timeout. */
const timerRuleSchema: z.ZodType<TimerRule> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delay'), duration: durationSchema }).strict(),
  z.object({ type: z.literal('until'), window: timeWindowSchema }).strict(),
  z.object({ type: z.literal('waitFor'), event: eventMatchSchema, timeout: durationSchema }).strict(),
]);

const schema: z.ZodType<TimerNode> = z.object({ ...nodeBaseShape('timer'), timer: timerRuleSchema }).strict();

const WEEKDAY_NAMES: Record<Weekday, LocalizedText> = {
  1: { en: 'Mon', ru: 'пн' },
  2: { en: 'Tue', ru: 'вт' },
  3: { en: 'Wed', ru: 'ср' },
  4: { en: 'Thu', ru: 'чт' },
  5: { en: 'Fri', ru: 'пт' },
  6: { en: 'Sat', ru: 'сб' },
  7: { en: 'Sun', ru: 'вс' },
};

/** "any day", "Mon–Fri", "Mon, Wed, Fri". */
export function weekdaysText(weekdays: readonly Weekday[]): LocalizedText {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (days.length === 7) return { en: 'any day', ru: 'любой день' };
  const isRun = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  if (isRun) return { en: `${WEEKDAY_NAMES[days[0]!].en}–${WEEKDAY_NAMES[days.at(-1)!].en}`, ru: `${WEEKDAY_NAMES[days[0]!].ru}–${WEEKDAY_NAMES[days.at(-1)!].ru}` };
  return { en: days.map((day) => WEEKDAY_NAMES[day].en).join(', '), ru: days.map((day) => WEEKDAY_NAMES[day].ru).join(', ') };
}

function summary(node: TimerNode, names: Parameters<NodeModule<TimerNode>['summary']>[1]): LocalizedText {
  const rule = node.timer;
  switch (rule.type) {
    case 'delay': {
      const span = durationText(rule.duration);
      return { en: `Wait ${span.en}`, ru: `Ждать ${span.ru}` };
    }
    case 'until': {
      const days = weekdaysText(rule.window.weekdays);
      return { en: `Wait until ${rule.window.from}–${rule.window.to}, ${days.en}`, ru: `Ждать окна ${rule.window.from}–${rule.window.to}, ${days.ru}` };
    }
    case 'waitFor': {
      const span = durationText(rule.timeout);
      const event = rule.event.types.length ? summarizeEventMatch(rule.event, names) : { en: 'any event', ru: 'любое событие' };
      return { en: `Wait up to ${span.en} for ${event.en}`, ru: `Ждать ${event.ru}, максимум ${span.ru}` };
    }
    default:
      return unreachable(rule);
  }
}

function validate(node: TimerNode): NodeIssue[] {
  const rule = node.timer;
  switch (rule.type) {
    case 'delay':
      return [];
    case 'until': {
      const issues: NodeIssue[] = [];
      if (minutesOfDay(rule.window.from) >= minutesOfDay(rule.window.to)) {
        issues.push(issue('timer_incomplete', 'The window must start before it ends on the same day (e.g. 10:00–20:00).', 'Окно должно начинаться раньше, чем заканчивается, в пределах дня (например, 10:00–20:00).', 'timer.window'));
      }
      if (!rule.window.weekdays.length) issues.push(issue('timer_incomplete', 'Choose the weekdays of the window.', 'Выберите дни недели для окна.', 'timer.window.weekdays'));
      return issues;
    }
    case 'waitFor':
      return [
        ...(rule.event.types.length ? [] : [issue('timer_incomplete', 'Waits for any event at all: choose the events it waits for.', 'Ждёт любого события: выберите, каких событий ждать.', 'timer.event.types', 'warning')]),
        ...fromConditionIssues(validateEventMatch(rule.event, 'timer.event'), 'timer_incomplete'),
      ];
    default:
      return unreachable(rule);
  }
}

/** A fresh rule of a timer type, for the side panel when the user switches type. */
export function defaultTimerRule(type: TimerRule['type']): TimerRule {
  switch (type) {
    case 'delay':
      return { type, duration: { amount: 1, unit: 'days' } };
    case 'until':
      return { type, window: { from: '10:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] } };
    case 'waitFor':
      return { type, event: { types: ['order'], where: [] }, timeout: { amount: 1, unit: 'days' } };
    default:
      return unreachable(type);
  }
}

export const timerModule: NodeModule<TimerNode> = {
  kind: 'timer',
  name: { en: 'Timer', ru: 'Таймер' },
  hasInput: true,
  schema,
  create: (id, position) => ({ id, kind: 'timer', position, label: '', timer: defaultTimerRule('delay') }),
  outPorts: (node) =>
    node.timer.type === 'waitFor' ? [port(HAPPENED_PORT, 'Happened', 'Произошло'), port(TIMEOUT_PORT, 'Timeout', 'Не дождались')] : [port(OUT_PORT, 'Out', 'Выход')],
  summary,
  validate,
  references: (node) => (node.timer.type === 'waitFor' ? eventMatchReferences(node.timer.event, 'timer.event') : []),
  renameEventTypes: (node, rename) =>
    node.timer.type === 'waitFor' ? { ...node, position: { ...node.position }, timer: { ...node.timer, event: mapEventMatchTypes(node.timer.event, rename) } } : structuredClone(node),
  migrations: [],
};
