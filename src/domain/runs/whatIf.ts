import { z } from 'zod';
import { MESSAGE_CHANNELS, isValid, nodeSchema, validateChain, type Chain, type ChainFinding, type ChainNode, type ChainSettings, type ValidateChainOptions } from '../chains';
import { settingsSchema } from '../chains/schemaParts';
import { canonicalText } from './chainFingerprint';
import { runsText, type RunsText } from './runReport';

/**
 * What-if (issue 14): one setting of a node or of the chain, marked with 2–5 alternative values,
 * becomes one variant chain per value; the engine runs each on the same data and seed and
 * variantTable.ts compares the reports. Each setting is a named entry of a small catalogue (not a
 * free JSON path) so the screen can offer exactly the settings that apply to the node the user
 * picked, prefill the current value and label each variant.
 *
 * Values are checked the way a stored chain is: the edited node against its kind's schema, the
 * edited settings against the settings schema (zod), then the whole variant with `validateChain`.
 * A value that fails is reported for its variant (the others still run), never coerced.
 *
 * Values per setting:
 * - `delay`, `waitForTimeout` (timer node of that type): a Duration `{ amount, unit }`;
 * - `channel` (message): a channel id; `cost` (message): money per message sent;
 * - `splitWeights` (split): one weight per branch, in branch order (must add up to 100);
 * - `frequencyCap`, `quietHours` (chain): the fields that change, e.g. `{ messages: 2 }` or
 *   `{ isEnabled: false }` — merged over the chain's own;
 * - `controlGroupPercent` (chain): a percent.
 */
export const NODE_WHAT_IF_SETTINGS = ['delay', 'waitForTimeout', 'channel', 'cost', 'splitWeights'] as const;
export const CHAIN_WHAT_IF_SETTINGS = ['frequencyCap', 'quietHours', 'controlGroupPercent'] as const;
export type NodeWhatIfSetting = (typeof NODE_WHAT_IF_SETTINGS)[number];
export type ChainWhatIfSetting = (typeof CHAIN_WHAT_IF_SETTINGS)[number];

export type WhatIfTarget = { scope: 'node'; nodeId: string; setting: NodeWhatIfSetting } | { scope: 'chain'; setting: ChainWhatIfSetting };

export interface WhatIfSpec {
  target: WhatIfTarget;
  /** 2–5 alternative values, all different */
  values: readonly unknown[];
}

/** Every problem a what-if reports, as `runs.whatIf.<problem>`. */
export const WHAT_IF_PROBLEMS = ['valueInvalid', 'weightsPerBranch', 'settingNotOnNode', 'nodeMissing', 'valueCount', 'valueRepeated', 'variantInvalid'] as const;
export type WhatIfProblem = (typeof WHAT_IF_PROBLEMS)[number];

function whatIfProblem(problem: WhatIfProblem, params: Record<string, string | number>): RunsText {
  return runsText(`runs.whatIf.${problem}`, params);
}

export const MIN_WHAT_IF_VALUES = 2;
export const MAX_WHAT_IF_VALUES = 5;

/** The node settings a what-if can vary on this node (none for triggers, filters and goals). */
export function whatIfSettingsOf(node: ChainNode): NodeWhatIfSetting[] {
  if (node.kind === 'timer') return node.timer.type === 'delay' ? ['delay'] : node.timer.type === 'waitFor' ? ['waitForTimeout'] : [];
  if (node.kind === 'message') return ['channel', 'cost'];
  if (node.kind === 'split') return ['splitWeights'];
  return [];
}

/** The value the chain has now for the target (to prefill the first alternative); undefined when the target does not apply. */
export function currentWhatIfValue(chain: Chain, target: WhatIfTarget): unknown {
  if (target.scope === 'chain') return structuredClone(chain.settings[target.setting]);
  const node = chain.nodes.find((item) => item.id === target.nodeId);
  if (!node || !whatIfSettingsOf(node).includes(target.setting)) return undefined;
  switch (target.setting) {
    case 'delay':
      return node.kind === 'timer' && node.timer.type === 'delay' ? { ...node.timer.duration } : undefined;
    case 'waitForTimeout':
      return node.kind === 'timer' && node.timer.type === 'waitFor' ? { ...node.timer.timeout } : undefined;
    case 'channel':
      return node.kind === 'message' ? node.channel : undefined;
    case 'cost':
      return node.kind === 'message' ? node.cost : undefined;
    case 'splitWeights':
      return node.kind === 'split' ? node.branches.map((branch) => branch.weight) : undefined;
  }
}

/** Why a value does not fit, as `runs.whatIf.value.<reason>` (`tooSmall` / `tooBig` with `limit`, `wrongType`, `notAllowed`), at `path`. */
export const VALUE_PROBLEM_REASONS = ['tooSmall', 'tooBig', 'wrongType', 'notAllowed'] as const;

function valueProblem(issue: z.core.$ZodIssue): RunsText {
  const path = issue.path.join('.');
  if (issue.code === 'too_small') return whatIfProblem('valueInvalid', { path, reason: 'tooSmall', limit: Number(issue.minimum) });
  if (issue.code === 'too_big') return whatIfProblem('valueInvalid', { path, reason: 'tooBig', limit: Number(issue.maximum) });
  if (issue.code === 'invalid_type') return whatIfProblem('valueInvalid', { path, reason: 'wrongType', limit: '' });
  return whatIfProblem('valueInvalid', { path, reason: 'notAllowed', limit: '' });
}

type Edited<T> = { ok: true; value: T } | { ok: false; message: RunsText };

function edited<T>(schema: z.ZodType<T>, candidate: unknown): Edited<T> {
  const result = schema.safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: valueProblem(result.error.issues[0]!) };
}

const weightsSchema = z.array(z.number());

function editedNode(node: ChainNode, setting: NodeWhatIfSetting, value: unknown): Edited<ChainNode> {
  const schema = nodeSchema(node.kind);
  if (setting === 'delay' && node.kind === 'timer' && node.timer.type === 'delay') return edited(schema, { ...node, timer: { ...node.timer, duration: value } });
  if (setting === 'waitForTimeout' && node.kind === 'timer' && node.timer.type === 'waitFor') return edited(schema, { ...node, timer: { ...node.timer, timeout: value } });
  if (setting === 'channel' && node.kind === 'message') {
    if (!(MESSAGE_CHANNELS as readonly unknown[]).includes(value)) return { ok: false, message: whatIfProblem('valueInvalid', { path: 'channel', reason: 'notAllowed', limit: '' }) };
    return edited(schema, { ...node, channel: value });
  }
  if (setting === 'cost' && node.kind === 'message') return edited(schema, { ...node, cost: value });
  if (setting === 'splitWeights' && node.kind === 'split') {
    const weights = weightsSchema.safeParse(value);
    if (!weights.success || weights.data.length !== node.branches.length) return { ok: false, message: whatIfProblem('weightsPerBranch', { branches: node.branches.length }) };
    return edited(schema, { ...node, branches: node.branches.map((branch, index) => ({ ...branch, weight: weights.data[index] })) });
  }
  return { ok: false, message: whatIfProblem('settingNotOnNode', { setting, nodeId: node.id }) };
}

function editedSettings(settings: ChainSettings, setting: ChainWhatIfSetting, value: unknown): Edited<ChainSettings> {
  if (setting === 'controlGroupPercent') return edited(settingsSchema, { ...settings, controlGroupPercent: value });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: whatIfProblem('valueInvalid', { path: setting, reason: 'wrongType', limit: '' }) };
  return edited(settingsSchema, { ...settings, [setting]: { ...settings[setting], ...value } });
}

/** The chain with the target set to `value`, or why it cannot be. Never changes `chain`. */
export function applyWhatIfValue(chain: Chain, target: WhatIfTarget, value: unknown): Edited<Chain> {
  if (target.scope === 'chain') {
    const settings = editedSettings(chain.settings, target.setting, value);
    return settings.ok ? { ok: true, value: { ...chain, settings: settings.value } } : settings;
  }
  const node = chain.nodes.find((item) => item.id === target.nodeId);
  if (!node) return { ok: false, message: whatIfProblem('nodeMissing', { nodeId: target.nodeId }) };
  const next = editedNode(node, target.setting, value);
  if (!next.ok) return next;
  return { ok: true, value: { ...chain, nodes: chain.nodes.map((item) => (item.id === node.id ? next.value : item)) } };
}

export type WhatIfVariant =
  | { index: number; value: unknown; isRunnable: true; chain: Chain; findings: ChainFinding[] }
  | { index: number; value: unknown; isRunnable: false; problem: RunsText; findings: ChainFinding[] };

export type WhatIfVariants = { ok: true; variants: WhatIfVariant[] } | { ok: false; problem: RunsText };

/**
 * One variant chain per value, each checked with `validateChain` (pass the workspace vocabulary
 * to check names too). A variant whose value is invalid or whose chain has errors is not
 * runnable and says why; the spec itself is refused when it has fewer than 2 or more than 5
 * values, or the same value twice.
 */
export function buildWhatIfVariants(chain: Chain, spec: WhatIfSpec, options: ValidateChainOptions = {}): WhatIfVariants {
  const count = spec.values.length;
  if (count < MIN_WHAT_IF_VALUES || count > MAX_WHAT_IF_VALUES) return { ok: false, problem: whatIfProblem('valueCount', { count, min: MIN_WHAT_IF_VALUES, max: MAX_WHAT_IF_VALUES }) };
  const texts = spec.values.map(canonicalText);
  const repeated = texts.findIndex((text, index) => texts.indexOf(text) !== index);
  if (repeated >= 0) return { ok: false, problem: whatIfProblem('valueRepeated', { position: repeated + 1 }) };
  if (spec.target.scope === 'node') {
    const { nodeId, setting } = spec.target;
    const node = chain.nodes.find((item) => item.id === nodeId);
    if (!node) return { ok: false, problem: whatIfProblem('nodeMissing', { nodeId }) };
    if (!whatIfSettingsOf(node).includes(setting)) return { ok: false, problem: whatIfProblem('settingNotOnNode', { setting, nodeId }) };
  }
  const variants = spec.values.map((value, index): WhatIfVariant => {
    const result = applyWhatIfValue(chain, spec.target, value);
    if (!result.ok) return { index, value, isRunnable: false, problem: result.message, findings: [] };
    const findings = validateChain(result.value, options);
    if (!isValid(findings)) return { index, value, isRunnable: false, problem: whatIfProblem('variantInvalid', { errors: findings.filter((item) => item.severity === 'error').length }), findings };
    return { index, value, isRunnable: true, chain: result.value, findings };
  });
  return { ok: true, variants };
}
