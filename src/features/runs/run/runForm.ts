import { effectiveResponses, type Chain, type MessageChannel, type ResponseRates } from '../../../domain/chains';
import type { StageMapping, LifecycleSettings } from '../../../domain/journey';
import { scoringOf, type RfmSettings, type SegmentMap } from '../../../domain/rfm';
import { defaultSimulationSettings, MAX_SIMULATION_DAYS, type SimulationSettings } from '../../../domain/simulation';
import type { LocalizedText } from '../../../domain/text';
import { isoDateToDayNumber } from '../../../domain/time';
import { chainFindings } from '../../chains/canvas/chainFindings';

/**
 * The Run dialog's logic, apart from React: the form a user fills (period, seed, projection and
 * its margin, "everyone reachable"), what is wrong with it, which chains cannot run and why, the
 * simulation settings it makes, and the response assumptions the projection would rest on.
 */
export interface RunForm {
  /** 'YYYY-MM-DD' or null while the field is empty */
  from: string | null;
  to: string | null;
  /** as typed: a whole number 0 … 2³²−1 */
  seed: string;
  projection: boolean;
  assumeReachable: boolean;
  /** as typed: the margin share in percent (ROMI on margin); 100 = on revenue */
  marginPercent: string;
}

export const DEFAULT_SEED = 42;
export const MAX_SEED = 0xffffffff;

/** A fresh form: the default period (the last 90 days of the data); "everyone reachable" on when the data has no contacts. */
export function initialRunForm(period: { from: string; to: string } | null, hasNoContacts: boolean): RunForm {
  return { from: period?.from ?? null, to: period?.to ?? null, seed: String(DEFAULT_SEED), projection: false, assumeReachable: hasNoContacts, marginPercent: '100' };
}

/**
 * The form the dialog shows: the workspace's defaults with the user's changes over them. A field
 * the user has not touched follows the defaults (e.g. "everyone reachable" turns on when the
 * contacts scan answers that the data has none); once the run starts, the changes are the whole
 * form, so what is on screen stays what was run.
 */
export function runFormWith(defaults: RunForm | null, changes: Partial<RunForm>): RunForm | null {
  return defaults ? { ...defaults, ...changes } : null;
}

/**
 * Whether Run must wait for the contacts scan: until it answers, "everyone reachable" has no
 * default yet, and a run started then on data without contacts would suppress every message.
 * A user who has set the switch themselves does not wait.
 */
export function isWaitingForReach(isReachPending: boolean, changes: Partial<RunForm>): boolean {
  return isReachPending && changes.assumeReachable === undefined;
}

export type RunFormField = 'from' | 'to' | 'seed' | 'marginPercent';

/** What is wrong with one field: an i18n key under `runCanvas.form.` and its parameters. */
export interface RunFormProblem {
  field: RunFormField;
  key: 'fromMissing' | 'toMissing' | 'periodReversed' | 'periodTooLong' | 'seedInvalid' | 'marginInvalid';
  params: Record<string, string | number>;
}

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_SEED ? value : null;
}

/** The margin as a share 0 < m ≤ 1, from a percent typed with a dot or a comma; null when it is not one. */
export function parseMarginPercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value) || value <= 0 || value > 100) return null;
  return value / 100;
}

export function runFormProblems(form: RunForm): RunFormProblem[] {
  const problems: RunFormProblem[] = [];
  if (!form.from) problems.push({ field: 'from', key: 'fromMissing', params: {} });
  if (!form.to) problems.push({ field: 'to', key: 'toMissing', params: {} });
  if (form.from && form.to) {
    const days = isoDateToDayNumber(form.to) - isoDateToDayNumber(form.from) + 1;
    if (days < 1) problems.push({ field: 'to', key: 'periodReversed', params: { from: form.from, to: form.to } });
    else if (days > MAX_SIMULATION_DAYS) problems.push({ field: 'to', key: 'periodTooLong', params: { days, max: MAX_SIMULATION_DAYS } });
  }
  if (parseWhole(form.seed) === null) problems.push({ field: 'seed', key: 'seedInvalid', params: { max: MAX_SEED } });
  if (form.projection && parseMarginPercent(form.marginPercent) === null) problems.push({ field: 'marginPercent', key: 'marginInvalid', params: {} });
  return problems;
}

/** A chain the validator finds errors in: it cannot run, and the dialog says why. */
export interface BlockedChain {
  chainId: string;
  name: string;
  errors: LocalizedText[];
}

export function blockedChains(chains: readonly Chain[]): BlockedChain[] {
  return chains
    .map((chain) => ({ chainId: chain.id, name: chain.name, errors: chainFindings(chain).filter((finding) => finding.severity === 'error').map((finding) => finding.message) }))
    .filter((chain) => chain.errors.length > 0);
}

/** What the run takes from the workspace besides the form: its zone, RFM and journey settings, its saved audiences. */
export interface WorkspaceRunSettings {
  timeZone: string;
  rfm: RfmSettings;
  segmentMap: SegmentMap;
  journey: { mapping: StageMapping; lifecycle: LifecycleSettings };
  /** the saved audiences' conditions by id: audience triggers and conditions name them */
  audiences: SimulationSettings['audiences'];
}

/** The settings of the run; call it only on a form without problems. */
export function runSettings(form: RunForm, workspace: WorkspaceRunSettings): SimulationSettings {
  return {
    ...defaultSimulationSettings(form.from!, form.to!, workspace.timeZone),
    seed: parseWhole(form.seed) ?? DEFAULT_SEED,
    projection: form.projection,
    assumeReachable: form.assumeReachable,
    margin: form.projection ? (parseMarginPercent(form.marginPercent) ?? 1) : 1,
    rfm: { scoring: scoringOf(workspace.rfm), periodDays: workspace.rfm.periodDays, map: workspace.segmentMap },
    journey: { mapping: workspace.journey.mapping, lifecycle: workspace.journey.lifecycle },
    audiences: workspace.audiences,
  };
}

/** One message node's response assumptions: its own rates, or its channel's defaults. */
export interface MessageAssumption {
  chainId: string;
  chainName: string;
  nodeId: string;
  label: string;
  channel: MessageChannel | null;
  rates: ResponseRates | null;
  isChannelDefault: boolean;
  cost: number;
}

export function messageAssumptions(chains: readonly Chain[]): MessageAssumption[] {
  return chains.flatMap((chain) =>
    chain.nodes.flatMap((node) =>
      node.kind === 'message'
        ? [{ chainId: chain.id, chainName: chain.name, nodeId: node.id, label: node.label, channel: node.channel, rates: effectiveResponses(node), isChannelDefault: node.responses === null, cost: node.cost }]
        : [],
    ),
  );
}

/** The chain with one message node's rates replaced (the dialog's edit of an assumption). */
export function withResponseRates(chain: Chain, nodeId: string, rates: ResponseRates): Chain {
  return { ...chain, nodes: chain.nodes.map((node) => (node.id === nodeId && node.kind === 'message' ? { ...node, responses: rates } : node)) };
}
