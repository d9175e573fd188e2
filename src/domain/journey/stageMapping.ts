import { z } from 'zod';
import { ORDER_EVENT } from '../model';

/**
 * Journey (CJM) stages and which events put a customer into which stage (rfm-cjm.md).
 *
 * A mapping is an ordered list of stages (the funnel order) and an assignment of "items" to
 * stages. An item is either an event type of the workspace (`page_view`, `cart_add` …) or one
 * of four rules that a plain event type cannot express:
 * - `@first_event`: the customer's first known event of any type (or the profile's sign-up);
 * - `@first_order`: the first `order` event;
 * - `@repeat_order`: the second order (a customer is in the stage from the 2nd order on);
 * - `@nps_promoter`: an `nps` event whose `score` prop is 9 or 10.
 * Orders enter stages only through the two order rules (an `order` type item would blur "first"
 * and "repeat"), and returns are never orders: a `return` is an ordinary event type, unassigned
 * by default. Each item sits in at most one stage; unassigned items put nobody anywhere.
 *
 * Default stages have fixed ids and a translated name; `name` is set once the user renames
 * one. Stages the user adds always carry their name.
 */
export const DEFAULT_STAGE_IDS = ['awareness', 'interest', 'consideration', 'purchase', 'retention', 'advocacy'] as const;
export type DefaultStageId = (typeof DEFAULT_STAGE_IDS)[number];

export const STAGE_RULES = ['@first_event', '@first_order', '@repeat_order', '@nps_promoter'] as const;
export type StageRule = (typeof STAGE_RULES)[number];

export const NPS_EVENT = 'nps';
export const NPS_SCORE_PROP = 'score';
export const NPS_PROMOTER_MIN = 9;
export const NPS_PROMOTER_MAX = 10;

export const MAX_STAGES = 12;
export const MAX_STAGE_NAME_LENGTH = 40;
export const STAGE_MAPPING_VERSION = 1;

export interface StageDefinition {
  id: string;
  /** Absent on a default stage that keeps its translated name. */
  name?: string;
}

export interface StageMapping {
  version: typeof STAGE_MAPPING_VERSION;
  stages: StageDefinition[];
  /** item (event type or rule) → stage id */
  assignments: Record<string, string>;
}

const DEFAULT_ASSIGNMENTS: Record<DefaultStageId, readonly string[]> = {
  awareness: ['@first_event', 'registration', 'subscribe'],
  interest: ['page_view', 'category_view', 'product_view', 'search', 'email_open', 'email_click'],
  consideration: ['cart_add', 'cart_view', 'wishlist', 'checkout'],
  purchase: ['@first_order'],
  retention: ['@repeat_order'],
  advocacy: ['review', 'referral', '@nps_promoter'],
};

export function defaultStageMapping(): StageMapping {
  const assignments: Record<string, string> = {};
  for (const stage of DEFAULT_STAGE_IDS) for (const item of DEFAULT_ASSIGNMENTS[stage]) assignments[item] = stage;
  return { version: STAGE_MAPPING_VERSION, stages: DEFAULT_STAGE_IDS.map((id) => ({ id })), assignments };
}

export function isStageRule(item: string): item is StageRule {
  return (STAGE_RULES as readonly string[]).includes(item);
}

export function isDefaultStageId(id: string): id is DefaultStageId {
  return (DEFAULT_STAGE_IDS as readonly string[]).includes(id);
}

const STAGE_ID = /^[a-z][a-z0-9_]{0,39}$/;
const ITEM = /^(@[a-z_]+|[a-z][a-z0-9]*(_[a-z0-9]+)*)$/;

const stageMappingSchema = z
  .object({
    version: z.literal(STAGE_MAPPING_VERSION),
    stages: z
      .array(
        z
          .object({
            id: z.string().regex(STAGE_ID, 'a stage id is lower_snake_case, up to 40 characters'),
            name: z.string().trim().min(1, 'a stage name cannot be empty').max(MAX_STAGE_NAME_LENGTH).optional(),
          })
          .strict(),
      )
      .min(1, 'keep at least one stage')
      .max(MAX_STAGES, `at most ${MAX_STAGES} stages`),
    assignments: z.record(z.string().regex(ITEM, 'not an event type or rule name'), z.string()),
  })
  .strict()
  .superRefine((mapping, context) => {
    const ids = new Set<string>();
    mapping.stages.forEach((stage, index) => {
      if (ids.has(stage.id)) context.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `stage "${stage.id}" appears twice` });
      ids.add(stage.id);
      if (!isDefaultStageId(stage.id) && stage.name === undefined) {
        context.addIssue({ code: 'custom', path: ['stages', index, 'name'], message: `added stage "${stage.id}" needs a name` });
      }
    });
    for (const [item, stage] of Object.entries(mapping.assignments)) {
      if (item === ORDER_EVENT) context.addIssue({ code: 'custom', path: ['assignments', item], message: 'orders are assigned through @first_order and @repeat_order' });
      else if (item.startsWith('@') && !isStageRule(item)) context.addIssue({ code: 'custom', path: ['assignments', item], message: `unknown rule "${item}"` });
      if (!ids.has(stage)) context.addIssue({ code: 'custom', path: ['assignments', item], message: `stage "${stage}" does not exist` });
    }
  });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The first problem of a zod failure as "where: what". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const where = issue.path.length ? issue.path.join('.') : 'value';
  return `${where}: ${issue.message}`;
}

/** Validates a stored or imported mapping; never throws. */
export function parseStageMapping(value: unknown): ParseResult<StageMapping> {
  const result = stageMappingSchema.safeParse(value);
  if (!result.success) return { ok: false, error: describeZodError(result.error) };
  const stages = result.data.stages.map((stage) => (stage.name === undefined ? { id: stage.id } : { id: stage.id, name: stage.name }));
  return { ok: true, value: { version: STAGE_MAPPING_VERSION, stages, assignments: { ...result.data.assignments } } };
}

/** The stage an item is assigned to, or null. */
export function stageOfItem(mapping: StageMapping, item: string): string | null {
  return Object.hasOwn(mapping.assignments, item) ? mapping.assignments[item]! : null;
}

/**
 * Every item the editor shows: the four rules, then the workspace's event types except
 * `order` (covered by the rules) plus any type the mapping mentions that the data lacks.
 */
export function mappingItems(mapping: StageMapping, eventTypes: readonly string[]): string[] {
  const types = new Set(eventTypes.filter((type) => type !== ORDER_EVENT));
  for (const item of Object.keys(mapping.assignments)) if (!isStageRule(item)) types.add(item);
  return [...STAGE_RULES, ...[...types].sort()];
}
