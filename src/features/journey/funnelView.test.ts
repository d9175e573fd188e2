import { describe, expect, it } from 'vitest';
import type { Funnel, FunnelStage } from '../../domain/journey';
import { biggestDropOff, visibleFunnelStages } from './funnelView';

function stage(stageId: string, reached: number, days: number | null = null): FunnelStage {
  return { stageId, reached, furthest: 0, conversionFromPrevious: null, dropOffFromPrevious: null, daysFromPrevious: days === null ? null : { count: 1, median: days, q1: days, q3: days } };
}

// An export of orders only: everyone who bought "reached" the stages before the purchase.
const orderOnly: Funnel = { at: 0, customers: 1000, withoutStage: 0, stages: [stage('awareness', 1000), stage('interest', 1000), stage('consideration', 1000), stage('purchase', 1000), stage('retention', 400, 60), stage('advocacy', 0)] };

describe('the funnel without stages that have no events', () => {
  const shown = visibleFunnelStages(orderOnly, new Set(['awareness', 'interest', 'consideration', 'advocacy']));

  it('starts at the first stage with events and converts between shown stages', () => {
    expect(shown.map((s) => s.stageId)).toEqual(['purchase', 'retention']);
    expect(shown[0]!.conversionFromPrevious).toBeNull();
    expect(shown[0]!.dropOffFromPrevious).toBeNull();
    expect(shown[1]!.conversionFromPrevious).toBeCloseTo(0.4);
    expect(shown[1]!.dropOffFromPrevious).toBe(600);
    expect(shown[1]!.daysFromPrevious?.median).toBe(60);
  });

  it('has no "100 % conversion" or zero drop-off left from the hidden stages', () => {
    expect(shown.some((s) => s.conversionFromPrevious === 1)).toBe(false);
    expect(biggestDropOff(shown)).toEqual({ from: 0, to: 1, share: 0.6 });
  });

  it('drops the time from a previous stage that is not shown', () => {
    const gap = visibleFunnelStages({ ...orderOnly, stages: [stage('a', 10), stage('b', 8, 2), stage('c', 5, 3)] }, new Set(['b']));
    expect(gap[1]!.daysFromPrevious).toBeNull();
    expect(gap[1]!.conversionFromPrevious).toBeCloseTo(0.5);
  });

  it('leaves a full funnel as it is', () => {
    expect(visibleFunnelStages({ ...orderOnly, stages: [stage('a', 10), stage('b', 8, 2)] }, new Set()).map((s) => s.conversionFromPrevious)).toEqual([null, 0.8]);
  });
});
