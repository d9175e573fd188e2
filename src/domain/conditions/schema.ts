import { z } from 'zod';
import { CONSENT_CHANNELS } from '../model';
import { LIFECYCLE_STATUSES } from '../journey/lifecycle';
import {
  CONSENT_STATES,
  FIELD_OPS,
  GROUP_OPS,
  MAX_CONDITION_VALUES,
  NUMBER_OPS,
  RFM_SCORES,
  SET_OPS,
  SINGLE_VALUE_FIELD_OPS,
  VALUELESS_FIELD_OPS,
  type Condition,
  type ConditionGroup,
  type EventCondition,
  type EventMatch,
  type FieldOp,
  type NumberTest,
} from './types';

/**
 * zod schemas of the condition language, for anything read from a file or from storage.
 * Objects are strict: an unknown key is an issue (restore reports and drops it), never kept
 * silently. Structural rules that only make a condition incomplete (an empty group, no value
 * chosen yet) are NOT schema errors — the editor saves half-built conditions; `validateCondition`
 * reports them.
 */
export const MAX_DAYS = 3650;

const finite = z.number().refine(Number.isFinite, 'a finite number');
export const daysSchema = z.number().int('whole days').min(1, 'at least 1 day').max(MAX_DAYS, `at most ${MAX_DAYS} days`);
const nullableDays = daysSchema.nullable();
const name = z.string().max(200, 'at most 200 characters');
const values = z.array(z.string().max(500, 'at most 500 characters')).max(MAX_CONDITION_VALUES, `at most ${MAX_CONDITION_VALUES} values`);

export const numberTestSchema: z.ZodType<NumberTest> = z
  .object({ op: z.enum(NUMBER_OPS), value: finite, to: finite.optional() })
  .strict()
  .superRefine((test, context) => {
    if (test.op === 'between' && test.to === undefined) context.addIssue({ code: 'custom', path: ['to'], message: '"between" needs an upper bound' });
    if (test.op !== 'between' && test.to !== undefined) context.addIssue({ code: 'custom', path: ['to'], message: 'an upper bound only goes with "between"' });
  });

function fieldValuesRule(op: FieldOp, items: readonly string[], context: z.RefinementCtx): void {
  if (VALUELESS_FIELD_OPS.includes(op) && items.length > 0) context.addIssue({ code: 'custom', path: ['values'], message: `"${op}" takes no value` });
  if (SINGLE_VALUE_FIELD_OPS.includes(op) && items.length > 1) context.addIssue({ code: 'custom', path: ['values'], message: `"${op}" takes one value` });
}

export const eventConditionSchema: z.ZodType<EventCondition> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('amount'), compare: numberTestSchema }).strict(),
  z
    .object({ type: z.literal('prop'), key: name, op: z.enum(FIELD_OPS), values })
    .strict()
    .superRefine((condition, context) => fieldValuesRule(condition.op, condition.values, context)),
]);

export const eventMatchSchema: z.ZodType<EventMatch> = z
  .object({ types: z.array(name).max(50, 'at most 50 event types'), where: z.array(eventConditionSchema).max(20, 'at most 20 conditions') })
  .strict();

const setOp = z.enum(SET_OPS);

const leafSchemas = [
  z
    .object({ type: z.literal('field'), field: name, op: z.enum(FIELD_OPS), values })
    .strict()
    .superRefine((condition, context) => fieldValuesRule(condition.op, condition.values, context)),
  z.object({ type: z.literal('consent'), channel: z.enum(CONSENT_CHANNELS), states: z.array(z.enum(CONSENT_STATES)).max(3) }).strict(),
  z.object({ type: z.literal('contact'), channel: z.enum(CONSENT_CHANNELS), isPresent: z.boolean() }).strict(),
  z.object({ type: z.literal('rfmSegment'), op: setOp, segments: z.array(name).max(100) }).strict(),
  z.object({ type: z.literal('rfmScore'), score: z.enum(RFM_SCORES), compare: numberTestSchema }).strict(),
  z.object({ type: z.literal('lifecycle'), op: setOp, statuses: z.array(z.enum(LIFECYCLE_STATUSES)).max(LIFECYCLE_STATUSES.length) }).strict(),
  z.object({ type: z.literal('stage'), op: setOp, stages: z.array(name).max(50) }).strict(),
  z
    .object({
      type: z.literal('eventCount'),
      event: eventMatchSchema,
      op: z.enum(['atLeast', 'atMost']),
      count: z.number().int('a whole number').min(0, 'not negative').max(1_000_000),
      days: nullableDays,
    })
    .strict(),
  z.object({ type: z.literal('eventSinceEntry'), event: eventMatchSchema, happened: z.boolean() }).strict(),
  z.object({ type: z.literal('totalSpend'), compare: numberTestSchema, days: nullableDays }).strict(),
  z.object({ type: z.literal('orderCount'), compare: numberTestSchema, days: nullableDays }).strict(),
  z.object({ type: z.literal('daysSinceLastOrder'), compare: numberTestSchema }).strict(),
  z.object({ type: z.literal('categorySpend'), key: name, values, compare: numberTestSchema, days: nullableDays }).strict(),
  z.object({ type: z.literal('daysSinceLastEvent'), event: eventMatchSchema, compare: numberTestSchema }).strict(),
  z.object({ type: z.literal('audience'), op: setOp, audienceId: z.string().max(200, 'at most 200 characters'), name }).strict(),
] as const;

function groupObject() {
  return z.object({ type: z.literal('group'), op: z.enum(GROUP_OPS), items: z.array(conditionSchema).max(100, 'at most 100 conditions in a group') }).strict();
}

export const conditionGroupSchema: z.ZodType<ConditionGroup> = z.lazy(groupObject);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() => z.discriminatedUnion('type', [...leafSchemas, groupObject()]));
