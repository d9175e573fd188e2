import type { CrmEvent, Customer } from '../model';
import { buildJourneyData } from './journeyData';
import { journeyInputFromEvents } from './journeyInput';
import { journeyStateAt, prepareJourney, type JourneyIndex, type JourneyState } from './journeyIndex';
import { funnelAt } from './funnel';
import { lifecycleCounts } from './flows';
import type { LifecycleSettings, LifecycleStatus } from './lifecycle';
import type { StageMapping } from './stageMapping';

/** The `chainlab stages --json` document (cli.md "stages"); fields beyond the contract are extras. */
export interface StagesSummary {
  asOf: string;
  customers: number;
  funnel: {
    stage: string;
    reached: number;
    furthest: number;
    medianDaysFromPrevious: number | null;
    conversionFromPrevious: number | null;
    dropOffFromPrevious: number | null;
    q1DaysFromPrevious: number | null;
    q3DaysFromPrevious: number | null;
  }[];
  lifecycle: Record<LifecycleStatus, number>;
  withoutStage: number;
  timeZone: string;
}

/** Rounded so the JSON is stable and readable (0.01 day ≈ 15 minutes). */
function roundDays(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : Math.round(value * 100) / 100;
}

function roundShare(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export function stagesSummary(index: JourneyIndex, at: number, asOf: string): StagesSummary {
  const funnel = funnelAt(index, at);
  return {
    asOf,
    customers: funnel.customers,
    funnel: funnel.stages.map((stage) => ({
      stage: stage.stageId,
      reached: stage.reached,
      furthest: stage.furthest,
      medianDaysFromPrevious: roundDays(stage.daysFromPrevious?.median),
      conversionFromPrevious: roundShare(stage.conversionFromPrevious),
      dropOffFromPrevious: stage.dropOffFromPrevious,
      q1DaysFromPrevious: roundDays(stage.daysFromPrevious?.q1),
      q3DaysFromPrevious: roundDays(stage.daysFromPrevious?.q3),
    })),
    lifecycle: lifecycleCounts(index, at),
    withoutStage: funnel.withoutStage,
    timeZone: index.timeZone,
  };
}

export interface CustomerJourney extends JourneyState {
  /** first instant each stage of the mapping was reached before `at`, null = not reached */
  stageReachedAt: (number | null)[];
  stageIds: string[];
}

/** Stage and lifecycle of one customer from their own timeline (the customer card). */
export function customerJourney(
  customer: Pick<Customer, 'id' | 'signupAt'>,
  events: readonly CrmEvent[],
  settings: { mapping: StageMapping; lifecycle: LifecycleSettings; timeZone: string },
  at: number,
): CustomerJourney {
  const own = events.filter((event) => event.customerId === customer.id);
  const signups = new Map(customer.signupAt === undefined ? [] : [[customer.id, customer.signupAt]]);
  const { input, customerIds } = journeyInputFromEvents(own, signups);
  // No events at all: a one-customer input that only knows the sign-up.
  const hasEvents = customerIds.length > 0;
  const data = buildJourneyData(hasEvents ? input : { ...input, customerCount: 1, signupAt: Float64Array.of(customer.signupAt ?? Number.NaN) });
  const index = prepareJourney(data, settings.mapping, settings.lifecycle, settings.timeZone);
  const c = 0;
  const base = c * index.stageCount;
  return {
    ...journeyStateAt(index, c, at),
    stageIds: index.stageIds,
    stageReachedAt: index.stageIds.map((_, s) => (index.firstReach[base + s]! < at ? index.firstReach[base + s]! : null)),
  };
}
