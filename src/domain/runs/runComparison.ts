import { formatEpochDay, isoDateToDayNumber } from '../time';
import { sumOf, type ChainFigures, type DayFigures, type NodeFigures, type RunReport } from './runReport';

/**
 * Two runs side by side (issue 14 "compare two runs"): `base` is the run compared against
 * (usually the older one), `other` the one compared. Every difference is other − base.
 * - Figures: absolute and relative difference; relative is null ("n/a") when the base is 0 — a
 *   change from nothing has no ratio, and the screen says so instead of showing ∞.
 * - Days: one row per calendar day from the first to the last day of either run; a day one run
 *   lacks (outside its period, or nothing happened) counts as zeros, so the overlaid charts line
 *   up by date and no day is dropped.
 * - Nodes and edges: per chain (matched by chain id), every node and edge present in either run,
 *   marked `added` (only in other), `removed` (only in base) or `both`.
 */
export interface Difference {
  base: number;
  other: number;
  /** other − base */
  absolute: number;
  /** (other − base) ÷ base; null when base is 0 */
  relative: number | null;
}

export function difference(base: number, other: number): Difference {
  return { base, other, absolute: other - base, relative: base === 0 ? null : (other - base) / base };
}

export const COMPARED_FIGURES = ['customersReached', 'messages', 'suppressed', 'cost', 'conversions', 'revenue', 'projectedConversions', 'projectedRevenue', 'capHits'] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

export interface FigureDifference extends Difference {
  /** i18n key of the figure's name: `runs.figure.<figure>` */
  figure: ComparedFigure | `sent.${string}`;
  /** projected figures exist only when both runs had the projection on */
  isProjected: boolean;
}

function figureValue(report: RunReport, figure: ComparedFigure): number {
  switch (figure) {
    case 'projectedConversions':
      return report.totals.projected?.conversions ?? 0;
    case 'projectedRevenue':
      return report.totals.projected?.revenue ?? 0;
    case 'capHits':
      return report.overlap?.capHits ?? 0;
    default:
      return report.totals[figure];
  }
}

function hasProjection(report: RunReport): boolean {
  return report.inputs ? report.inputs.projection : report.totals.projected !== undefined;
}

/** Headline figures, then messages sent per channel (channels of either run). Projected figures only when both runs projected. */
export function compareFigures(base: RunReport, other: RunReport): FigureDifference[] {
  const isProjected = hasProjection(base) && hasProjection(other);
  const figures: FigureDifference[] = [];
  for (const figure of COMPARED_FIGURES) {
    const projected = figure === 'projectedConversions' || figure === 'projectedRevenue';
    if (projected && !isProjected) continue;
    figures.push({ figure, isProjected: projected, ...difference(figureValue(base, figure), figureValue(other, figure)) });
  }
  for (const channel of unionKeys(base.totals.sent, other.totals.sent)) {
    figures.push({ figure: `sent.${channel}`, isProjected: false, ...difference(base.totals.sent?.[channel] ?? 0, other.totals.sent?.[channel] ?? 0) });
  }
  return figures;
}

function unionKeys(...records: (Readonly<Record<string, unknown>> | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record ?? {})) keys.add(key);
  return [...keys];
}

// ---------------------------------------------------------------- days

export const DAY_SERIES = ['entries', 'messages', 'conversions', 'cost', 'revenue', 'suppressed'] as const;
export type DaySeries = (typeof DAY_SERIES)[number];

export interface AlignedDay {
  date: string;
  base: Record<DaySeries, number>;
  other: Record<DaySeries, number>;
  /** messages by channel (channels of either run) */
  baseMessages: Record<string, number>;
  otherMessages: Record<string, number>;
}

const NO_DAY: Record<DaySeries, number> = { entries: 0, messages: 0, conversions: 0, cost: 0, revenue: 0, suppressed: 0 };

function daySeries(day: DayFigures | undefined): Record<DaySeries, number> {
  if (!day) return { ...NO_DAY };
  return { entries: day.entries, messages: sumOf(day.messages), conversions: day.conversions, cost: day.cost, revenue: day.revenue ?? 0, suppressed: day.suppressed ?? 0 };
}

function byChannel(day: DayFigures | undefined, channels: readonly string[]): Record<string, number> {
  return Object.fromEntries(channels.map((channel) => [channel, day?.messages[channel] ?? 0]));
}

export interface AlignedDays {
  days: AlignedDay[];
  /** dates that are not a real YYYY-MM-DD (never from the simulator; a damaged report): listed, not placed */
  unplacedDates: string[];
}

/** Every calendar day from the first to the last day either run has, in order; days a run lacks are zeros. */
export function alignDays(base: readonly DayFigures[], other: readonly DayFigures[]): AlignedDays {
  const baseByDate = new Map(base.map((day) => [day.date, day]));
  const otherByDate = new Map(other.map((day) => [day.date, day]));
  const dates = [...new Set([...baseByDate.keys(), ...otherByDate.keys()])];
  const unplacedDates = dates.filter((date) => !Number.isFinite(isoDateToDayNumber(date)));
  const numbers = dates.map(isoDateToDayNumber).filter(Number.isFinite);
  if (!numbers.length) return { days: [], unplacedDates };
  const channels = unionKeys(...base.map((day) => day.messages), ...other.map((day) => day.messages));
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const days: AlignedDay[] = [];
  for (let number = first; number <= last; number++) {
    const date = formatEpochDay(number);
    const baseDay = baseByDate.get(date);
    const otherDay = otherByDate.get(date);
    days.push({ date, base: daySeries(baseDay), other: daySeries(otherDay), baseMessages: byChannel(baseDay, channels), otherMessages: byChannel(otherDay, channels) });
  }
  return { days, unplacedDates };
}

// ---------------------------------------------------------------- nodes and edges

export type Presence = 'both' | 'added' | 'removed';

export const NODE_DELTA_FIGURES = ['entered', 'waiting', 'ended', 'sent', 'suppressed', 'withheld', 'conversions'] as const;
export type NodeDeltaFigure = (typeof NODE_DELTA_FIGURES)[number];

export interface NodeDelta {
  nodeId: string;
  presence: Presence;
  figures: Record<NodeDeltaFigure, Difference>;
  /** customers who left by each port (ports of either run) */
  left: Record<string, Difference>;
}

export interface EdgeDelta {
  edgeId: string;
  presence: Presence;
  customers: Difference;
}

export interface ChainDelta {
  chainId: string;
  name: string;
  presence: Presence;
  nodes: NodeDelta[];
  edges: EdgeDelta[];
}

function presence(inBase: boolean, inOther: boolean): Presence {
  return inBase && inOther ? 'both' : inBase ? 'removed' : 'added';
}

function nodeNumbers(node: NodeFigures | undefined): Record<NodeDeltaFigure, number> {
  if (!node) return { entered: 0, waiting: 0, ended: 0, sent: 0, suppressed: 0, withheld: 0, conversions: 0 };
  return { entered: node.entered, waiting: node.waiting, ended: node.ended, sent: sumOf(node.sent), suppressed: sumOf(node.suppressed), withheld: sumOf(node.withheld), conversions: node.conversions ?? 0 };
}

function nodeDelta(nodeId: string, base: NodeFigures | undefined, other: NodeFigures | undefined): NodeDelta {
  const baseNumbers = nodeNumbers(base);
  const otherNumbers = nodeNumbers(other);
  const figures = Object.fromEntries(NODE_DELTA_FIGURES.map((figure) => [figure, difference(baseNumbers[figure], otherNumbers[figure])])) as Record<NodeDeltaFigure, Difference>;
  const left = Object.fromEntries(unionKeys(base?.left, other?.left).map((port) => [port, difference(base?.left[port] ?? 0, other?.left[port] ?? 0)]));
  return { nodeId, presence: presence(base !== undefined, other !== undefined), figures, left };
}

function chainDelta(base: ChainFigures | undefined, other: ChainFigures | undefined): ChainDelta {
  const nodeIds = unionKeys(base?.nodes, other?.nodes);
  const edgeIds = unionKeys(base?.edges, other?.edges);
  return {
    chainId: (other ?? base)!.id,
    name: (other ?? base)!.name,
    presence: presence(base !== undefined, other !== undefined),
    nodes: nodeIds.map((id) => nodeDelta(id, base?.nodes[id], other?.nodes[id])),
    edges: edgeIds.map((id) => ({ edgeId: id, presence: presence(base?.edges[id] !== undefined, other?.edges[id] !== undefined), customers: difference(base?.edges[id] ?? 0, other?.edges[id] ?? 0) })),
  };
}

/** Per chain of either run (base order first, then chains only the other run has): node and edge deltas. */
export function compareChains(base: RunReport, other: RunReport): ChainDelta[] {
  const otherById = new Map(other.chains.map((chain) => [chain.id, chain]));
  const baseIds = new Set(base.chains.map((chain) => chain.id));
  const deltas = base.chains.map((chain) => chainDelta(chain, otherById.get(chain.id)));
  for (const chain of other.chains) if (!baseIds.has(chain.id)) deltas.push(chainDelta(undefined, chain));
  return deltas;
}

export interface RunComparison {
  figures: FigureDifference[];
  days: AlignedDays;
  chains: ChainDelta[];
}

export function compareRuns(base: RunReport, other: RunReport): RunComparison {
  return { figures: compareFigures(base, other), days: alignDays(base.days, other.days), chains: compareChains(base, other) };
}
