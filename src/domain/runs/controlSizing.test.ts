import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainControlSizing, controlShareNeeded, minimumDetectableLift, type MinimumLiftResult } from './controlSizing';

function points(result: MinimumLiftResult): number {
  if (!result.ok) throw new Error(`expected a lift, got ${result.problem}`);
  return result.points;
}

describe('minimum detectable lift (95 % two-sided, 80 % power)', () => {
  // Fleiss (no continuity correction), as in G*Power and Chow, Shao & Wang: 10 % → 15 % needs 686 per group; 50 % → 60 % needs 388.
  it('matches the textbook sample sizes: 686 per group detect 10 % → 15 %, 685 do not', () => {
    expect(points(minimumDetectableLift({ treatment: 686, control: 686, baseline: 0.1 }))).toBeLessThanOrEqual(0.05);
    expect(points(minimumDetectableLift({ treatment: 685, control: 685, baseline: 0.1 }))).toBeGreaterThan(0.05);
    expect(points(minimumDetectableLift({ treatment: 686, control: 686, baseline: 0.1 }))).toBeCloseTo(0.05, 3);
  });

  it('matches 388 per group for 50 % → 60 %', () => {
    expect(points(minimumDetectableLift({ treatment: 388, control: 388, baseline: 0.5 }))).toBeLessThanOrEqual(0.1);
    expect(points(minimumDetectableLift({ treatment: 387, control: 387, baseline: 0.5 }))).toBeGreaterThan(0.1);
  });

  it('gives the relative lift and the rate that would show', () => {
    const result = minimumDetectableLift({ treatment: 9000, control: 1000, baseline: 0.04 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.relative).toBeCloseTo(result.points / 0.04, 12);
    expect(result.detectableRate).toBeCloseTo(0.04 + result.points, 12);
    expect(result.caveats).toEqual([]);
    expect(result.message.key).toBe('runs.sizing.minimumLift');
    // a 10 % holdout of 10 000 customers at a 4 % rate sees only +2.1 points (+53 %): worked by hand, 1.96·0.00785 + 0.8416·0.00669
    expect(result.points).toBeCloseTo(0.02101, 4);
  });

  it('says "cannot tell" with the reason, never NaN', () => {
    const cases: [Parameters<typeof minimumDetectableLift>[0], string][] = [
      [{ treatment: 100, control: 0, baseline: 0.1 }, 'no_control'],
      [{ treatment: 0, control: 100, baseline: 0.1 }, 'no_treatment'],
      [{ treatment: 100, control: 100, baseline: 0 }, 'baseline_zero'],
      [{ treatment: 100, control: 100, baseline: 1 }, 'baseline_one'],
      [{ treatment: 100, control: 100, baseline: Number.NaN }, 'baseline_invalid'],
      [{ treatment: 100, control: 100, baseline: 1.2 }, 'baseline_invalid'],
      [{ treatment: 1, control: 1, baseline: 0.5 }, 'undetectable'],
    ];
    for (const [sizes, problem] of cases) {
      const result = minimumDetectableLift(sizes);
      expect(result).toMatchObject({ ok: false, problem, message: { key: `runs.sizing.${problem}` } });
    }
  });

  it('marks a rough approximation when fewer than 5 conversions are expected in the smaller group', () => {
    const result = minimumDetectableLift({ treatment: 5000, control: 40, baseline: 0.05 });
    expect(result).toMatchObject({ ok: true, caveats: ['rough_approximation'] });
  });

  it('shrinks as either group grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 50_000 }), fc.integer({ min: 20, max: 50_000 }), fc.integer({ min: 1, max: 50_000 }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), (treatment, control, more, baseline) => {
        const base = minimumDetectableLift({ treatment, control, baseline });
        const biggerControl = minimumDetectableLift({ treatment, control: control + more, baseline });
        const biggerTreatment = minimumDetectableLift({ treatment: treatment + more, control, baseline });
        if (!base.ok) return;
        expect(points(biggerControl)).toBeLessThanOrEqual(base.points + 1e-8);
        expect(points(biggerTreatment)).toBeLessThanOrEqual(base.points + 1e-8);
        expect(Number.isFinite(base.points) && base.points > 0 && base.points <= 1 - baseline).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('control share needed for a typed lift', () => {
  it('finds the smallest control that detects the lift, in points or relative', () => {
    const result = controlShareNeeded(20_000, 0.1, { value: 0.02, is: 'points' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(points(minimumDetectableLift({ treatment: result.treatment, control: result.control, baseline: 0.1 }))).toBeLessThanOrEqual(0.02);
    expect(points(minimumDetectableLift({ treatment: result.treatment + 1, control: result.control - 1, baseline: 0.1 }))).toBeGreaterThan(0.02);
    expect(result.controlGroupPercent).toBe(Math.ceil(result.share * 100));
    expect(controlShareNeeded(20_000, 0.1, { value: 0.25, is: 'relative' })).toMatchObject({ ok: true, control: (controlShareNeeded(20_000, 0.1, { value: 0.025, is: 'points' }) as { control: number }).control });
  });

  it('1372 customers are enough for 10 % → 15 %: a little less than half in control (the treatment rate varies more)', () => {
    const result = controlShareNeeded(1372, 0.1, { value: 0.05, is: 'points' });
    expect(result).toMatchObject({ ok: true, controlGroupPercent: 50 });
    if (result.ok) expect(result.control).toBeLessThanOrEqual(686);
  });

  it('too few customers: says how many a 50 / 50 split would need', () => {
    expect(controlShareNeeded(1000, 0.1, { value: 0.05, is: 'points' })).toMatchObject({ ok: false, problem: 'too_few_customers', customersNeeded: 1372 });
  });

  it('refuses a lift that is not a positive number or goes past 100 %', () => {
    for (const lift of [0, -0.1, Number.NaN, 0.95]) expect(controlShareNeeded(10_000, 0.1, { value: lift, is: 'points' })).toMatchObject({ ok: false, problem: 'lift_invalid' });
    expect(controlShareNeeded(10_000, 0, { value: 0.1, is: 'points' })).toMatchObject({ ok: false, problem: 'baseline_zero' });
  });

  it('the share found always detects the lift (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200_000 }), fc.double({ min: 0.01, max: 0.6, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), (customers, baseline, relative) => {
        const result = controlShareNeeded(customers, baseline, { value: relative, is: 'relative' });
        if (!result.ok) {
          expect(['too_few_customers', 'lift_invalid']).toContain(result.problem);
          return;
        }
        expect(result.share).toBeGreaterThan(0);
        expect(result.share).toBeLessThanOrEqual(0.5);
        expect(points(minimumDetectableLift({ treatment: result.treatment, control: result.control, baseline }))).toBeLessThanOrEqual(relative * baseline + 1e-8);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a chain of a run', () => {
  it('pools both groups for the baseline', () => {
    const result = chainControlSizing({ treatment: { customers: 9000, converted: 360 }, control: { customers: 1000, converted: 40 } });
    expect(result).toEqual(minimumDetectableLift({ treatment: 9000, control: 1000, baseline: 0.04 }));
  });

  it('a chain without a control group cannot tell', () => {
    expect(chainControlSizing({ treatment: { customers: 500, converted: 20 }, control: { customers: 0, converted: 0 } })).toMatchObject({ ok: false, problem: 'no_control' });
    expect(chainControlSizing({})).toMatchObject({ ok: false, problem: 'no_treatment' });
  });
});
