import { z } from 'zod';
import { CHAIN_FORMAT_VERSION, restoreChain, type Chain } from '../chains';
import { conditionGroupSchema } from '../conditions/schema';
import { parseLifecycleSettings, parseStageMapping } from '../journey';
import { segmentMapProblems, validateScoring, type RfmScoring, type SegmentMap } from '../rfm';
import type { LocalizedText } from '../text';
import type { SimulationGlobals } from './globals';
import type { SimulationSettings } from './settings';
import type { SimulationSums } from './sums';

/**
 * A saved run (data-model.md "Simulation run"): its exact inputs — the chains as they were
 * (with the id of the saved chain version when there is one), the data (data version and the
 * import batches it was made of), the settings and seed — the run-wide values computed from all
 * customers, and the sums. Repeating a run is running these inputs again.
 *
 * Format 2 added `sums.customerDays` (messages per customer-day, for the heat map); a format-1
 * run is read with `customerDays: null` — not recorded, which the results page says — never with
 * rows made up.
 *
 * Stored records are read back only through `restoreRunRecord`: migrate from the version they
 * were written in, then validate (zod); the chains go through `restoreChain`. A record that
 * cannot be understood is reported with the reason, never patched with defaults.
 */
export const RUN_RECORD_VERSION = 2;

export type RunStatus = 'done' | 'cancelled' | 'failed';

export interface RunChainInput {
  chain: Chain;
  /** the chain format version the chain was written in (CHAIN_FORMAT_VERSION at the time) */
  chainVersion: number;
  /** the saved chain version (chain history) it was taken from, when the caller knows it */
  savedVersionId: string | null;
}

export interface SimulationRunRecord {
  version: typeof RUN_RECORD_VERSION;
  id: string;
  workspaceId: string;
  name: string;
  createdAt: number;
  finishedAt: number;
  status: RunStatus;
  /** why a run failed, in plain words */
  error: string | null;
  inputs: {
    chains: RunChainInput[];
    settings: SimulationSettings;
    /** the workspace's data version and the import batches that made it */
    dataVersion: number;
    batchIds: string[];
    /** how many shards ran (never changes a result) */
    workers: number;
  };
  globals: SimulationGlobals | null;
  sums: SimulationSums | null;
}

const count = z.number().finite();
const counts = z.record(z.string(), count);
const projected = z.object({ delivered: count, opened: count, clicked: count, unsubscribed: count, conversions: count, revenue: count }).strict();
const group = z.object({ customers: count, entries: count, converted: count, conversions: count, revenue: count, projectedConversions: count, projectedRevenue: count }).strict();
const groups = z.object({ treatment: group, control: group, holdout: group }).strict();
const nodeSums = z.object({ entered: count, left: counts, waiting: count, ended: count, endedByGoal: count, suppressed: counts, sent: counts, withheld: counts, conversions: count, revenue: count, projected }).strict();
const localized = z.object({ en: z.string(), ru: z.string() }).strict();
/** Long columns of whole numbers ≥ 0, checked in one loop (a zod schema per element is slow for a million rows). */
function isCountColumn(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'number' || !Number.isInteger(item) || item < 0) return false;
  return true;
}
const countColumn = z.custom<number[]>(isCountColumn, { message: 'not a column of whole numbers' });
const customerDaysSchema = z
  .object({ customer: countColumn, day: countColumn, messages: countColumn })
  .strict()
  .refine((rows) => rows.day.length === rows.customer.length && rows.messages.length === rows.customer.length, { message: 'columns of different lengths' });
const sumsSchema = z
  .object({
    customers: count,
    chains: z.array(z.object({ id: z.string(), name: z.string(), nodes: z.record(z.string(), nodeSums), edges: counts, entries: count, customers: count, messages: count, suppressed: count, cost: count, conversions: count, revenue: count, groups }).strict()),
    days: z.array(z.object({ date: z.string(), entries: count, messages: counts, suppressed: count, conversions: count, revenue: count, cost: count, projectedConversions: count, projectedRevenue: count }).strict()),
    totals: z.object({ customersReached: count, messages: count, sent: counts, suppressed: count, suppressedByReason: counts, withheld: count, cost: count, conversions: count, revenue: count, projected, groups }).strict(),
    overlap: z.object({ customersInSeveralChains: count, chainPairs: counts, capHits: count, capHitsByPair: counts, customerDaysWithMessages: count, customerDaysWithSeveralMessages: count }).strict(),
    customerDays: customerDaysSchema.nullable(),
    trace: z.array(z.object({ ts: count, customerId: z.string(), chainId: z.string(), nodeId: z.string(), decision: z.string(), group: z.enum(['treatment', 'control', 'holdout']), reason: localized, isProjected: z.literal(true).optional() }).strict()),
  })
  .strict();

const scale = z.object({ cuts: z.object({ recency: z.array(count), frequency: z.array(count), monetary: z.array(count) }).strict(), ntile: z.unknown().nullable() }).strict();
const globalsSchema = z.object({ version: z.literal(1), averageOrderValue: z.number().or(z.nan()), rfm: z.object({ firstDay: count, scales: z.array(scale) }).strict().nullable() }).strict();

const settingsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    seed: count,
    assumeReachable: z.boolean(),
    projection: z.boolean(),
    margin: count,
    rfm: z.object({ scoring: z.unknown(), periodDays: count.nullable(), map: z.unknown() }).strict(),
    journey: z.object({ mapping: z.unknown(), lifecycle: z.unknown() }).strict(),
    audiences: z.record(z.string(), conditionGroupSchema),
  })
  .strict();

const recordSchema = z
  .object({
    version: z.literal(RUN_RECORD_VERSION),
    id: z.string().min(1),
    workspaceId: z.string().min(1),
    name: z.string(),
    createdAt: count,
    finishedAt: count,
    status: z.enum(['done', 'cancelled', 'failed']),
    error: z.string().nullable(),
    inputs: z.object({ chains: z.array(z.object({ chain: z.unknown(), chainVersion: count, savedVersionId: z.string().nullable() }).strict()), settings: settingsSchema, dataVersion: count, batchIds: z.array(z.string()), workers: count }).strict(),
    globals: globalsSchema.nullable(),
    sums: sumsSchema.nullable(),
  })
  .strict();

export type RestoreRunResult = { ok: true; record: SimulationRunRecord } | { ok: false; message: LocalizedText };

function fail(en: string, ru: string): RestoreRunResult {
  return { ok: false, message: { en, ru } };
}

/** Numbered migrations, by the version they read: each returns the record in the next version. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: customer-day rows did not exist; they are not recorded (null), not invented.
  1: (raw) => ({ ...raw, version: 2, sums: raw.sums && typeof raw.sums === 'object' ? { ...(raw.sums as Record<string, unknown>), customerDays: null } : raw.sums }),
};

function restoreSettings(raw: z.infer<typeof settingsSchema>): SimulationSettings | string {
  const mapping = parseStageMapping(raw.journey.mapping);
  if (!mapping.ok) return `journey stages: ${mapping.error}`;
  const lifecycle = parseLifecycleSettings(raw.journey.lifecycle);
  if (!lifecycle.ok) return `lifecycle: ${lifecycle.error}`;
  const scoring = raw.rfm.scoring as RfmScoring;
  try {
    validateScoring(scoring);
  } catch (error) {
    return `RFM scoring: ${(error as Error).message}`;
  }
  const map = raw.rfm.map as SegmentMap;
  if (!map || typeof map !== 'object' || !Array.isArray(map.segments) || map.levels !== scoring.levels) return 'RFM segment map: not a segment map of the scoring\'s levels';
  const problems = segmentMapProblems(map);
  if (problems.length) return `RFM segment map: ${problems[0]!.message}`;
  return { ...raw, rfm: { scoring, periodDays: raw.rfm.periodDays, map }, journey: { mapping: mapping.value, lifecycle: lifecycle.value } };
}

/** A stored run, migrated and validated; or why it cannot be read. */
export function restoreRunRecord(raw: unknown): RestoreRunResult {
  if (!raw || typeof raw !== 'object') return fail('Not a saved run.', 'Это не сохранённый прогон.');
  let record = raw as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return fail('The saved run has no format version.', 'У сохранённого прогона нет версии формата.');
  if (version > RUN_RECORD_VERSION) return fail(`This run was saved by a newer ChainLab (format ${version}). Update ChainLab to open it.`, `Прогон сохранён более новой версией ChainLab (формат ${version}). Обновите ChainLab, чтобы открыть его.`);
  for (let from = version; from < RUN_RECORD_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (!migrate) return fail(`No way to read a run of format ${from}.`, `Прогон формата ${from} не читается.`);
    record = migrate(record);
  }
  const parsed = recordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`The saved run is damaged: ${issue.path.join('.')}: ${issue.message}.`, `Сохранённый прогон повреждён: ${issue.path.join('.')}: ${issue.message}.`);
  }
  const chains: RunChainInput[] = [];
  for (const input of parsed.data.inputs.chains) {
    const restored = restoreChain(input.chain, input.chainVersion);
    if (!restored.ok) return fail(`A chain of the run cannot be read: ${restored.message.en}`, `Цепочку прогона не прочитать: ${restored.message.ru}`);
    if (restored.setAside.length) return fail(`A chain of the run is incomplete: ${restored.setAside[0]!.reason.en}`, `Цепочка прогона неполная: ${restored.setAside[0]!.reason.ru}`);
    chains.push({ chain: restored.chain, chainVersion: CHAIN_FORMAT_VERSION, savedVersionId: input.savedVersionId });
  }
  const settings = restoreSettings(parsed.data.inputs.settings);
  if (typeof settings === 'string') return fail(`The run's settings are damaged: ${settings}.`, `Настройки прогона повреждены: ${settings}.`);
  const data = parsed.data;
  return {
    ok: true,
    record: { ...data, inputs: { ...data.inputs, chains, settings }, globals: data.globals as SimulationGlobals | null, sums: data.sums as SimulationSums | null },
  };
}
