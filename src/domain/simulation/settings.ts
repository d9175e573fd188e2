import type { ConditionGroup } from '../conditions/types';
import { UserFacingError } from '../errors';
import { defaultLifecycleSettings, type LifecycleSettings } from '../journey/lifecycle';
import { defaultStageMapping, type StageMapping } from '../journey/stageMapping';
import { DEFAULT_RFM_PERIOD_DAYS, presetSegmentMap, type RfmScoring, type SegmentMap } from '../rfm';
import { formatEpochDay, isoDateToDayNumber, localDayNumber, plausibleSpan, plausibleWindow, startOfLocalDay, type PlausibleSpan } from '../time';

/**
 * What a run is asked to do besides its chains (simulation.md "Time", "What a run computes").
 * Everything that changes a result is here, so a saved run can be repeated exactly.
 */
export interface SimulationSettings {
  /** first and last day of the run, 'YYYY-MM-DD', local days of `timeZone` (both included) */
  from: string;
  to: string;
  /** the workspace's zone: the days of the results, and local times of chains without their own zone */
  timeZone: string;
  seed: number;
  /** every customer counts as having consent and a contact on every channel (order exports carry neither) */
  assumeReachable: boolean;
  /** draw responses (delivered, opened, clicked, converted, unsubscribed) and feed them back as events */
  projection: boolean;
  /** share of revenue that is margin, for ROMI = (revenue × margin − cost) / cost; 1 = on revenue */
  margin: number;
  /** how RFM segments and scores are computed (the workspace's Segments settings) */
  rfm: { scoring: RfmScoring; periodDays: number | null; map: SegmentMap };
  /** journey stages and lifecycle rules (the workspace's Journey settings) */
  journey: { mapping: StageMapping; lifecycle: LifecycleSettings };
  /** saved audiences by id (issue 15): an audience trigger naming one not here never fires, and the run says so */
  audiences: Readonly<Record<string, ConditionGroup>>;
}

/** Settings with the app's defaults for everything but the period and zone. */
export function defaultSimulationSettings(from: string, to: string, timeZone: string): SimulationSettings {
  return {
    from,
    to,
    timeZone,
    seed: 42,
    assumeReachable: false,
    projection: false,
    margin: 1,
    rfm: { scoring: { levels: 5, method: 'quantile', monetary: 'total' }, periodDays: DEFAULT_RFM_PERIOD_DAYS, map: presetSegmentMap('grid', 5, 'en') },
    journey: { mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings() },
    audiences: {},
  };
}

/** The period as local day numbers and instants: [startTs, endTs) covers the days from … to. */
export interface SimulationPeriod {
  fromDay: number;
  toDay: number;
  days: number;
  startTs: number;
  endTs: number;
}

export const MAX_SIMULATION_DAYS = 3660;

export function simulationPeriod(settings: Pick<SimulationSettings, 'from' | 'to' | 'timeZone'>): SimulationPeriod {
  const fromDay = isoDateToDayNumber(settings.from);
  const toDay = isoDateToDayNumber(settings.to);
  if (Number.isNaN(fromDay)) throw new UserFacingError('simulation.badPeriod', `the period start "${settings.from}" is not a date YYYY-MM-DD`);
  if (Number.isNaN(toDay)) throw new UserFacingError('simulation.badPeriod', `the period end "${settings.to}" is not a date YYYY-MM-DD`);
  if (toDay < fromDay) throw new UserFacingError('simulation.badPeriod', `the period ends (${settings.to}) before it starts (${settings.from})`);
  if (toDay - fromDay + 1 > MAX_SIMULATION_DAYS) throw new UserFacingError('simulation.badPeriod', `the period is ${toDay - fromDay + 1} days long; at most ${MAX_SIMULATION_DAYS} days (ten years) can be simulated at once`);
  return { fromDay, toDay, days: toDay - fromDay + 1, startTs: startOfLocalDay(fromDay, settings.timeZone), endTs: startOfLocalDay(toDay + 1, settings.timeZone) };
}

export const DEFAULT_PERIOD_DAYS = 90;

/**
 * The default period: the last 90 days of the data, ending on the local day of its last
 * PLAUSIBLE event (`plausibleSpan`: a row dated 9999-12-31 or 1900-01-01 does not move it);
 * null when no event is plausible. Dates the user types are never changed.
 */
export function defaultSimulationPeriod(span: PlausibleSpan, timeZone: string): { from: string; to: string } | null {
  if (!Number.isFinite(span.last)) return null;
  const toDay = localDayNumber(span.last, timeZone);
  return { from: formatEpochDay(toDay - DEFAULT_PERIOD_DAYS + 1), to: formatEpochDay(toDay) };
}

/** The last plausible instant among `columns` at `now` (`plausibleSpan` with the default window); NaN when there is none. */
export function lastPlausibleInstant(columns: Iterable<ArrayLike<number>>, now: number): number {
  return plausibleSpan(columns, plausibleWindow(now)).last;
}
