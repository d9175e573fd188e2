import { MESSAGE_CHANNELS, type Chain } from '../../../domain/chains';
import { heatMapCalendar, type FrequencyCap, type HeatMap } from '../../../domain/runs';
import { simulationReport, type SimulationReport, type SimulationRunRecord } from '../../../domain/simulation';

/**
 * What the results page of a run shows, as plain data (no React): the run's report (cli.md
 * "simulate", the same JSON `chainlab simulate` prints), the headline cards with what each figure
 * is counted over, the per-day series and the overlaps. Every figure says whether it was
 * REPLAYED from the imported history or PROJECTED from the response assumptions; the page never
 * shows a projected figure without that label (issue 14, "Honesty in the interface").
 *
 * Texts are i18n keys under `runResults.` with raw figures as parameters; the page formats them.
 */
export type Basis = 'replayed' | 'projected';

/** A figure to format: a count, money (currency units), a share 0…1, a difference of shares in points (0.02 = 2 points), a ratio (messages per customer), or a channel / chain name. */
export type FigureParam =
  | { kind: 'count' | 'money' | 'share' | 'points' | 'ratio'; value: number }
  | { kind: 'channel' | 'text'; value: string };

export interface FigureText {
  key: string;
  params: Record<string, FigureParam>;
}

export const HEADLINE_CARDS = ['reach', 'messages', 'cost', 'conversions', 'projected', 'groups'] as const;
export type HeadlineCardId = (typeof HEADLINE_CARDS)[number];

export interface HeadlineCard {
  id: HeadlineCardId;
  basis: Basis;
  /** the big number; null when there is none (the projection is off, no control group) */
  value: FigureParam | null;
  /** what the figure rests on: its denominator and the parts, one sentence each */
  details: FigureText[];
}

const count = (value: number): FigureParam => ({ kind: 'count', value });
const money = (value: number): FigureParam => ({ kind: 'money', value });
const share = (value: number): FigureParam => ({ kind: 'share', value });
const text = (key: string, params: Record<string, FigureParam> = {}): FigureText => ({ key: `runResults.${key}`, params });

/** The report of a saved run, as `chainlab simulate` prints it; null when the run has no sums (cancelled, failed). */
export function reportOfRun(record: SimulationRunRecord): SimulationReport | null {
  if (!record.sums) return null;
  const settings = record.inputs.settings;
  const description = {
    period: { from: settings.from, to: settings.to },
    seed: settings.seed,
    inputs: { timeZone: settings.timeZone, assumeReachable: settings.assumeReachable, projection: settings.projection, margin: settings.margin, fingerprint: '' },
    warnings: [],
  };
  return simulationReport(record.sums, description, false);
}

/** Channels in the fixed order of the chain model, then any other the run used. */
export function channelsOf(sent: Readonly<Record<string, number>>): string[] {
  const order: readonly string[] = MESSAGE_CHANNELS;
  return [...order.filter((channel) => channel in sent), ...Object.keys(sent).filter((channel) => !order.includes(channel)).sort()];
}

function reachCard(report: SimulationReport): HeadlineCard {
  const { customersReached, customers } = report.totals;
  const details = customers > 0 ? [text('cards.reach.ofCustomers', { share: share(customersReached / customers), customers: count(customers) })] : [text('cards.reach.noCustomers')];
  return { id: 'reach', basis: 'replayed', value: count(customersReached), details };
}

function messagesCard(report: SimulationReport): HeadlineCard {
  const { messages, sent, suppressed, customersReached, withheld } = report.totals;
  const details = channelsOf(sent).map((channel) => text('cards.messages.channel', { channel: { kind: 'channel', value: channel }, n: count(sent[channel] ?? 0) }));
  if (customersReached > 0) details.push(text('cards.messages.perCustomer', { ratio: { kind: 'ratio', value: messages / customersReached }, customers: count(customersReached) }));
  details.push(text('cards.messages.suppressed', { n: count(suppressed) }));
  if (withheld > 0) details.push(text('cards.messages.withheld', { n: count(withheld) }));
  return { id: 'messages', basis: 'replayed', value: count(messages), details };
}

function costCard(report: SimulationReport): HeadlineCard {
  const { cost, messages, customersReached } = report.totals;
  const details: FigureText[] = [];
  if (messages > 0) details.push(text('cards.cost.perMessage', { money: money(cost / messages), messages: count(messages) }));
  if (customersReached > 0) details.push(text('cards.cost.perCustomer', { money: money(cost / customersReached), customers: count(customersReached) }));
  return { id: 'cost', basis: 'replayed', value: money(cost), details };
}

function conversionsCard(report: SimulationReport): HeadlineCard {
  const { conversions, revenue, messages, romi } = report.totals;
  const details = [text('cards.conversions.revenue', { money: money(revenue) })];
  if (messages > 0) details.push(text('cards.conversions.rate', { share: share(conversions / messages), messages: count(messages) }));
  if (romi.attributed.value !== null) details.push(text('cards.conversions.romi', { share: share(romi.attributed.value) }));
  return { id: 'conversions', basis: 'replayed', value: count(conversions), details };
}

function projectedCard(report: SimulationReport): HeadlineCard {
  if (!report.inputs.projection) return { id: 'projected', basis: 'projected', value: null, details: [text('cards.projected.off')] };
  const { projected, romi } = report.totals;
  const details = [text('cards.projected.revenue', { money: money(projected.revenue) })];
  if (projected.delivered > 0) details.push(text('cards.projected.rate', { share: share(projected.conversions / projected.delivered), delivered: count(projected.delivered) }));
  if (romi.projected.value !== null) details.push(text('cards.projected.romi', { share: share(romi.projected.value) }));
  return { id: 'projected', basis: 'projected', value: count(projected.conversions), details };
}

/** Treatment vs control: conversion rates (who converted ÷ the group's customers), their difference, and ROMI on the lift — the only replayed measure of effect. */
function groupsCard(report: SimulationReport): HeadlineCard {
  const { treatment, control, romi } = report.totals;
  const groupText = (key: string, group: typeof treatment) => text(key, { share: share(group.conversionRate ?? 0), converted: count(group.converted), customers: count(group.customers) });
  if (!control.customers || !treatment.customers || treatment.conversionRate === null || control.conversionRate === null) {
    return { id: 'groups', basis: 'replayed', value: null, details: [text(control.customers ? 'cards.groups.noTreatment' : 'cards.groups.noControl')] };
  }
  const details = [groupText('cards.groups.treatment', treatment), groupText('cards.groups.control', control)];
  if (romi.incremental?.value !== null && romi.incremental?.value !== undefined) details.push(text('cards.groups.romi', { share: share(romi.incremental.value) }));
  return { id: 'groups', basis: 'replayed', value: { kind: 'points', value: treatment.conversionRate - control.conversionRate }, details };
}

export function headlineCards(report: SimulationReport): HeadlineCard[] {
  return [reachCard(report), messagesCard(report), costCard(report), conversionsCard(report), projectedCard(report), groupsCard(report)];
}

/** The overlaps of a run of several chains: chain pairs by shared customers, cap hits by which chain's messages filled the window. Ids the run does not know keep their id as the name. */
export function overlapRows(report: SimulationReport) {
  const nameOf = (id: unknown) => report.chains.find((chain) => chain.id === id)?.name ?? String(id);
  return {
    customersInSeveralChains: report.overlap.customersInSeveralChains,
    capHits: report.overlap.capHits,
    customerDaysWithMessages: report.overlap.customerDaysWithMessages,
    customerDaysWithSeveralMessages: report.overlap.customerDaysWithSeveralMessages,
    pairs: report.overlap.chainPairs.map((pair) => ({ a: nameOf(pair.chains[0]), b: nameOf(pair.chains[1]), customers: Number(pair.customers) })).sort((x, y) => y.customers - x.customers),
    capHitsByPair: report.overlap.capHitsByPair.map((pair) => ({ chain: nameOf(pair.chainId), byChain: nameOf(pair.byChainId), hits: Number(pair.hits) })).sort((x, y) => y.hits - x.hits),
  };
}

export const DAY_CHARTS = ['entries', 'messages', 'conversions', 'cost'] as const;
export type DayChart = (typeof DAY_CHARTS)[number];

export interface DaySeries {
  /** 'entries', 'conversions', 'projectedConversions', 'cost' or a channel id */
  id: string;
  basis: Basis;
  values: number[];
}

/** The per-day series of one chart: entries; messages by channel; conversions replayed (and projected, labelled, when the run projected); cost. */
export function daySeries(report: SimulationReport, chart: DayChart): DaySeries[] {
  const days = report.days;
  if (chart === 'entries') return [{ id: 'entries', basis: 'replayed', values: days.map((day) => day.entries) }];
  if (chart === 'cost') return [{ id: 'cost', basis: 'replayed', values: days.map((day) => day.cost) }];
  if (chart === 'conversions') {
    const series: DaySeries[] = [{ id: 'conversions', basis: 'replayed', values: days.map((day) => day.conversions) }];
    if (report.inputs.projection) series.push({ id: 'projectedConversions', basis: 'projected', values: days.map((day) => day.projected.conversions) });
    return series;
  }
  const channels = channelsOf(Object.assign({}, ...days.map((day) => day.messages)) as Record<string, number>);
  return channels.map((channel) => ({ id: channel, basis: 'replayed', values: days.map((day) => (day.messages as Record<string, number>)[channel] ?? 0) }));
}

/**
 * The cap the heat map measures against: of the run's chains, the strictest enabled cap (fewest
 * messages per day of its window); when no chain has one on, the first chain's kept values, and
 * the map says the cap is off. Null for a run without chains.
 */
export function heatMapCapOf(chains: readonly Chain[]): { cap: FrequencyCap; chainName: string } | null {
  const enabled = chains.filter((chain) => chain.settings.frequencyCap.isEnabled);
  const pool = enabled.length ? enabled : chains.slice(0, 1);
  const strictest = [...pool].sort((a, b) => a.settings.frequencyCap.messages / a.settings.frequencyCap.days - b.settings.frequencyCap.messages / b.settings.frequencyCap.days)[0];
  return strictest ? { cap: strictest.settings.frequencyCap, chainName: strictest.name } : null;
}

/** The heat-map calendar of a saved run; null when the run has no customer-day rows (saved before ChainLab kept them). */
export function heatMapOfRun(record: SimulationRunRecord): (HeatMap & { chainName: string }) | null {
  const sums = record.sums;
  const measured = heatMapCapOf(record.inputs.chains.map((input) => input.chain));
  if (!sums?.customerDays || !measured) return null;
  const { customer, day, messages } = sums.customerDays;
  const rows = customer.map((index, i) => ({ customerId: String(index), date: sums.days[day[i]!]?.date ?? '', messages: messages[i]! }));
  return { ...heatMapCalendar(rows, { from: record.inputs.settings.from, to: record.inputs.settings.to }, measured.cap), chainName: measured.chainName };
}
