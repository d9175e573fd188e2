import { z } from 'zod';
import { eventMatchSchema } from '../conditions/schema';
import { isValidTimeZone } from '../import/values/dates';
import { LOCAL_TIME_PATTERN } from './localTime';
import { DURATION_UNITS, RE_ENTRY_MODES, WEEKDAYS, type CanvasNote, type ChainEdge, type ChainSettings, type Duration, type Position, type TimeWindow } from './types';

/** zod pieces shared by the node schemas and the chain schema. Objects are strict (unknown keys are reported by restore). */
export const MAX_ID_LENGTH = 100;
export const MAX_LABEL_LENGTH = 200;
export const MAX_TEXT_LENGTH = 20_000;
const COORDINATE_LIMIT = 1e7;

export const idSchema = z.string().trim().min(1, 'an id cannot be empty').max(MAX_ID_LENGTH, `at most ${MAX_ID_LENGTH} characters`);
export const labelSchema = z.string().max(MAX_LABEL_LENGTH, `at most ${MAX_LABEL_LENGTH} characters`);
export const textSchema = z.string().max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`);
const coordinate = z.number().refine(Number.isFinite, 'a finite number').refine((value) => Math.abs(value) <= COORDINATE_LIMIT, 'too far off the canvas');

export const positionSchema: z.ZodType<Position> = z.object({ x: coordinate, y: coordinate }).strict();
export const localTimeSchema = z.string().regex(LOCAL_TIME_PATTERN, 'a local time HH:mm, e.g. 09:30');
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'not a time zone (IANA name such as Europe/Moscow)');
export const fractionSchema = z.number().min(0, 'at least 0').max(1, 'at most 1');
export const moneySchema = z.number().refine(Number.isFinite, 'a finite number').min(0, 'not negative').max(1e9, 'at most 1,000,000,000');

/** At most a year of waiting in any unit. */
const MAX_DURATION: Record<Duration['unit'], number> = { minutes: 525_600, hours: 8_784, days: 366, weeks: 53 };
export const durationSchema: z.ZodType<Duration> = z
  .object({ amount: z.number().int('a whole number').min(1, 'at least 1'), unit: z.enum(DURATION_UNITS) })
  .strict()
  .superRefine((duration, context) => {
    if (duration.amount > MAX_DURATION[duration.unit]) context.addIssue({ code: 'custom', path: ['amount'], message: `at most a year (${MAX_DURATION[duration.unit]} ${duration.unit})` });
  });

export const timeWindowSchema: z.ZodType<TimeWindow> = z
  .object({
    from: localTimeSchema,
    to: localTimeSchema,
    weekdays: z.array(z.union(WEEKDAYS.map((day) => z.literal(day)))).max(7),
  })
  .strict();

export const edgeSchema: z.ZodType<ChainEdge> = z.object({ id: idSchema, source: idSchema, sourcePort: idSchema, target: idSchema }).strict();

export const noteSchema: z.ZodType<CanvasNote> = z
  .object({
    id: idSchema,
    text: textSchema,
    position: positionSchema,
    width: z.number().min(40).max(4000),
    height: z.number().min(30).max(4000),
  })
  .strict();

export const settingsSchema: z.ZodType<ChainSettings> = z
  .object({
    reEntry: z.object({ mode: z.enum(RE_ENTRY_MODES), cooldownDays: z.number().int('whole days').min(1, 'at least 1 day').max(3650, 'at most 3650 days') }).strict(),
    goal: z
      .object({
        isEnabled: z.boolean(),
        event: eventMatchSchema,
        attributionDays: z.number().int('whole days').min(1, 'at least 1 day').max(90, 'at most 90 days'),
        exitOnGoal: z.boolean(),
      })
      .strict(),
    controlGroupPercent: z.number().min(0, 'at least 0 %').max(90, 'at most 90 %'),
    frequencyCap: z
      .object({
        isEnabled: z.boolean(),
        messages: z.number().int('a whole number').min(1, 'at least 1').max(1000),
        days: z.number().int('whole days').min(1, 'at least 1 day').max(365, 'at most 365 days'),
        window: z.enum(['rolling', 'calendar']),
      })
      .strict(),
    quietHours: z.object({ isEnabled: z.boolean(), from: localTimeSchema, to: localTimeSchema, mode: z.enum(['wait', 'drop']) }).strict(),
    timeZone: timeZoneSchema.nullable(),
  })
  .strict();
