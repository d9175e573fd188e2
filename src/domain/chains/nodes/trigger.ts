import { z } from 'zod';
import { emptyGroup } from '../../conditions/build';
import type { NameResolver } from '../../conditions/names';
import { conditionReferences, eventMatchReferences, mapConditionEventTypes, mapEventMatchTypes, type Reference } from '../../conditions/references';
import { conditionGroupSchema, daysSchema, eventMatchSchema } from '../../conditions/schema';
import { summarizeCondition, summarizeEventMatch } from '../../conditions/summary';
import { validateCondition, validateEventMatch } from '../../conditions/validate';
import { LIFECYCLE_STATUSES } from '../../journey/lifecycle';
import { countText, type LocalizedText } from '../../text';
import type { NodeIssue } from '../findings';
import { isLocalDateTime, LOCAL_DATE_TIME_PATTERN } from '../localTime';
import { OUT_PORT, port } from '../ports';
import { idSchema, labelSchema, localTimeSchema } from '../schemaParts';
import { AUDIENCE_TRIGGER_MODES, type AudienceRef, type SegmentRef, type TriggerNode, type TriggerRule } from '../types';
import { fromConditionIssues, issue, nodeBaseShape, prefixPath, unreachable } from './common';
import type { NodeModule } from './module';

/** Where customers enter (simulation.md "Trigger"): event, inactivity, date, segment, or an audience (once, or on joining it). */
const name = z.string().max(200, 'at most 200 characters');

const segmentRefSchema: z.ZodType<SegmentRef> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rfmSegment'), segment: name }).strict(),
  z.object({ type: z.literal('lifecycle'), status: z.enum(LIFECYCLE_STATUSES) }).strict(),
  z.object({ type: z.literal('stage'), stage: name }).strict(),
]);

const audienceRefSchema: z.ZodType<AudienceRef> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('condition'), condition: conditionGroupSchema }).strict(),
  z.object({ type: z.literal('saved'), audienceId: idSchema, name: labelSchema }).strict(),
]);

const triggerRuleSchema: z.ZodType<TriggerRule> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: eventMatchSchema }).strict(),
  z.object({ type: z.literal('inactivity'), event: eventMatchSchema, days: daysSchema }).strict(),
  z
    .object({
      type: z.literal('date'),
      field: name,
      offsetDays: z.number().int('whole days').min(-365, 'at most a year before').max(365, 'at most a year after'),
      localTime: localTimeSchema,
      repeat: z.enum(['yearly', 'once']),
    })
    .strict(),
  z.object({ type: z.literal('segment'), segment: segmentRefSchema }).strict(),
  z
    .object({
      type: z.literal('audience'),
      audience: audienceRefSchema,
      // chains written before the join mode existed have no `mode`: they meant a one-off send
      mode: z.enum(AUDIENCE_TRIGGER_MODES).default('once'),
      at: z.string().regex(LOCAL_DATE_TIME_PATTERN, 'a local date and time YYYY-MM-DDTHH:mm').refine(isLocalDateTime, 'not a calendar date'),
    })
    .strict(),
]);

const schema: z.ZodType<TriggerNode> = z.object({ ...nodeBaseShape('trigger'), trigger: triggerRuleSchema }).strict();

/** Date fields a date trigger can follow (besides `attrs.<column>` holding dates). */
export const TRIGGER_DATE_FIELDS = ['birthDate', 'signupAt'] as const;

function dateSummary(rule: Extract<TriggerRule, { type: 'date' }>, names: NameResolver): LocalizedText {
  const field = { en: names.field(rule.field, 'en'), ru: names.field(rule.field, 'ru') };
  const span = countText(Math.abs(rule.offsetDays), ['day', 'days'], ['день', 'дня', 'дней']);
  const yearly = rule.repeat === 'yearly' ? { en: ', every year', ru: ', каждый год' } : { en: '', ru: '' };
  if (rule.offsetDays === 0) return { en: `On the ${field.en} at ${rule.localTime}${yearly.en}`, ru: `В день: ${field.ru}, в ${rule.localTime}${yearly.ru}` };
  if (rule.offsetDays < 0) return { en: `${span.en} before the ${field.en}, at ${rule.localTime}${yearly.en}`, ru: `За ${span.ru} до даты «${field.ru}», в ${rule.localTime}${yearly.ru}` };
  return { en: `${span.en} after the ${field.en}, at ${rule.localTime}${yearly.en}`, ru: `Через ${span.ru} после даты «${field.ru}», в ${rule.localTime}${yearly.ru}` };
}

function segmentSummary(segment: SegmentRef, names: NameResolver): LocalizedText {
  switch (segment.type) {
    case 'rfmSegment':
      return { en: `Enters the RFM segment ${names.segment(segment.segment, 'en') || '…'}`, ru: `Попадает в RFM-сегмент «${names.segment(segment.segment, 'ru') || '…'}»` };
    case 'lifecycle':
      return { en: `Becomes ${names.lifecycle(segment.status, 'en')} (lifecycle)`, ru: `Переходит в статус «${names.lifecycle(segment.status, 'ru')}»` };
    case 'stage':
      return { en: `Reaches the journey stage ${names.stage(segment.stage, 'en') || '…'}`, ru: `Доходит до этапа «${names.stage(segment.stage, 'ru') || '…'}»` };
    default:
      return unreachable(segment);
  }
}

function audienceSummary(rule: Extract<TriggerRule, { type: 'audience' }>, names: NameResolver): LocalizedText {
  if (rule.mode === 'joins') {
    if (rule.audience.type === 'saved') return { en: `Joins the audience "${rule.audience.name}" (checked daily)`, ru: `Входит в аудиторию «${rule.audience.name}» (проверка ежедневно)` };
    const who = summarizeCondition(rule.audience.condition, names);
    return { en: `Starts to match (checked daily): ${who.en}`, ru: `Начинает подходить под условие (проверка ежедневно): ${who.ru}` };
  }
  const when = rule.at.replace('T', ' ');
  if (rule.audience.type === 'saved') return { en: `Once, ${when}: audience "${rule.audience.name}"`, ru: `Один раз, ${when}: аудитория «${rule.audience.name}»` };
  const who = summarizeCondition(rule.audience.condition, names);
  return { en: `Once, ${when}: customers where ${who.en}`, ru: `Один раз, ${when}: клиенты, у которых ${who.ru}` };
}

function summary(node: TriggerNode, names: NameResolver): LocalizedText {
  const rule = node.trigger;
  switch (rule.type) {
    case 'event': {
      if (!rule.event.types.length) return { en: 'Event: choose one', ru: 'Событие: выберите' };
      const event = summarizeEventMatch(rule.event, names);
      return { en: `Customer does ${event.en}`, ru: `Клиент совершает ${event.ru}` };
    }
    case 'inactivity': {
      const span = countText(rule.days, ['day', 'days'], ['день', 'дня', 'дней']);
      if (!rule.event.types.length) return { en: `No activity for ${span.en}`, ru: `Нет активности ${span.ru}` };
      const event = summarizeEventMatch(rule.event, names);
      return { en: `No ${event.en} for ${span.en}`, ru: `Нет события ${event.ru} ${span.ru}` };
    }
    case 'date':
      return dateSummary(rule, names);
    case 'segment':
      return segmentSummary(rule.segment, names);
    case 'audience':
      return audienceSummary(rule, names);
    default:
      return unreachable(rule);
  }
}

function isDateField(field: string): boolean {
  return (TRIGGER_DATE_FIELDS as readonly string[]).includes(field) || (field.startsWith('attrs.') && field.length > 'attrs.'.length);
}

function segmentIssues(segment: SegmentRef): NodeIssue[] {
  if (segment.type === 'rfmSegment' && !segment.segment.trim()) return [issue('trigger_incomplete', 'Choose the RFM segment customers enter.', 'Выберите RFM-сегмент, в который попадают клиенты.', 'trigger.segment.segment')];
  if (segment.type === 'stage' && !segment.stage.trim()) return [issue('trigger_incomplete', 'Choose the journey stage.', 'Выберите этап пути клиента.', 'trigger.segment.stage')];
  return [];
}

function audienceIssues(audience: AudienceRef): NodeIssue[] {
  if (audience.type === 'saved') {
    return audience.audienceId.trim() ? [] : [issue('trigger_incomplete', 'Choose the audience.', 'Выберите аудиторию.', 'trigger.audience.audienceId')];
  }
  return fromConditionIssues(validateCondition(audience.condition, { isInChain: false }, 'trigger.audience.condition'), 'trigger_incomplete');
}

function validate(node: TriggerNode): NodeIssue[] {
  const rule = node.trigger;
  switch (rule.type) {
    case 'event':
      return [
        ...(rule.event.types.length ? [] : [issue('trigger_incomplete', 'Choose the event that starts the chain.', 'Выберите событие, которое запускает цепочку.', 'trigger.event.types')]),
        ...fromConditionIssues(validateEventMatch(rule.event, 'trigger.event'), 'trigger_incomplete'),
      ];
    case 'inactivity':
      return fromConditionIssues(validateEventMatch(rule.event, 'trigger.event'), 'trigger_incomplete');
    case 'date':
      return isDateField(rule.field)
        ? []
        : [issue('trigger_incomplete', 'Choose a date field: birth date, sign-up date or a column with dates (attrs.<column>).', 'Выберите поле с датой: дата рождения, дата регистрации или колонка с датами (attrs.<колонка>).', 'trigger.field')];
    case 'segment':
      return segmentIssues(rule.segment);
    case 'audience':
      return audienceIssues(rule.audience);
    default:
      return unreachable(rule);
  }
}

function references(node: TriggerNode): Reference[] {
  const rule = node.trigger;
  switch (rule.type) {
    case 'event':
    case 'inactivity':
      return eventMatchReferences(rule.event, 'trigger.event');
    case 'date':
      return [{ kind: 'field', name: rule.field, path: 'trigger.field' }];
    case 'segment':
      if (rule.segment.type === 'rfmSegment') return [{ kind: 'rfmSegment', name: rule.segment.segment, path: 'trigger.segment.segment' }];
      if (rule.segment.type === 'stage') return [{ kind: 'stage', name: rule.segment.stage, path: 'trigger.segment.stage' }];
      return [];
    case 'audience':
      return rule.audience.type === 'condition' ? conditionReferences(rule.audience.condition, prefixPath('trigger.audience', 'condition')) : [{ kind: 'audience', name: rule.audience.audienceId, path: 'trigger.audience.audienceId' }];
    default:
      return unreachable(rule);
  }
}

function renameEventTypes(node: TriggerNode, rename: (type: string) => string): TriggerNode {
  const rule = node.trigger;
  if (rule.type === 'event' || rule.type === 'inactivity') return { ...node, position: { ...node.position }, trigger: { ...rule, event: mapEventMatchTypes(rule.event, rename) } };
  if (rule.type === 'audience' && rule.audience.type === 'condition') {
    return { ...node, position: { ...node.position }, trigger: { ...rule, audience: { ...rule.audience, condition: mapConditionEventTypes(rule.audience.condition, rename) } } };
  }
  return structuredClone(node);
}

export const triggerModule: NodeModule<TriggerNode> = {
  kind: 'trigger',
  name: { en: 'Trigger', ru: 'Триггер' },
  hasInput: false,
  schema,
  create: (id, position) => ({ id, kind: 'trigger', position, label: '', trigger: { type: 'event', event: { types: [], where: [] } } }),
  outPorts: () => [port(OUT_PORT, 'Out', 'Выход')],
  summary,
  validate,
  references,
  renameEventTypes,
  migrations: [],
};

/**
 * A fresh rule of a trigger type, for the side panel when the user switches type. `at` is the
 * local date-time a one-off audience send starts at (the editor passes tomorrow 10:00).
 */
export function defaultTriggerRule(type: TriggerRule['type'], at = '2000-01-01T10:00'): TriggerRule {
  switch (type) {
    case 'event':
      return { type, event: { types: [], where: [] } };
    case 'inactivity':
      return { type, event: { types: ['order'], where: [] }, days: 30 };
    case 'date':
      return { type, field: 'birthDate', offsetDays: 0, localTime: '10:00', repeat: 'yearly' };
    case 'segment':
      return { type, segment: { type: 'rfmSegment', segment: '' } };
    case 'audience':
      return { type, audience: { type: 'condition', condition: emptyGroup() }, mode: 'once', at };
    default:
      return unreachable(type);
  }
}
