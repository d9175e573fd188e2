import { runsText, type ChainFigures, type RunsText } from './runReport';

/**
 * Control groups sized before launch: how small a lift in conversion rate a chain's control
 * group can show, and how large a control share a lift the user has in mind would need.
 *
 * ## Formula (normal approximation, one-sided in the direction of the lift it looks for)
 * A two-proportion z-test, two-sided at α = 5 % (z = 1.959964), power 1 − β = 80 %
 * (z = 0.841621). Baseline rate p₀ (control), treatment rate p₁ = p₀ + δ, group sizes n_t, n_c,
 * p̄ = (n_t·p₁ + n_c·p₀) / (n_t + n_c). The lift δ is detectable when
 *
 *     δ ≥ z_{α/2} · √(p̄(1−p̄)(1/n_t + 1/n_c)) + z_β · √(p₁(1−p₁)/n_t + p₀(1−p₀)/n_c)
 *
 * (pooled variance under "no difference", unpooled under the lift — Fleiss, Statistical Methods
 * for Rates and Proportions, without continuity correction; for equal groups it gives the
 * textbook n = 686 per group for 10 % → 15 %). The smallest such δ is found numerically (the
 * right side depends on δ): a scan of 512 steps over (0, 1 − p₀] for the first δ that passes,
 * then bisection to 1e-9.
 *
 * ## Limits (why "cannot tell" is returned rather than a number)
 * - no treatment or no control customers: there is nothing to compare (`no_treatment`,
 *   `no_control`);
 * - baseline 0 (nobody converted: the rate, and a relative lift, cannot be estimated) and
 *   baseline 1 (everybody converted: there is nothing left to lift) — `baseline_zero`,
 *   `baseline_one`; a baseline outside 0…1 or not a number is `baseline_invalid`;
 * - even a lift to a 100 % rate would not show at these sizes: `undetectable`.
 * When fewer than 5 conversions or 5 non-conversions are expected in the smaller group, the
 * normal approximation is rough (the usual rule of thumb); the figure is given with the caveat
 * `rough_approximation` so the screen can say so. Only an increase is looked for (a chain is
 * launched to raise conversions); a decrease of the same size needs about the same sizes.
 */
export const Z_CONFIDENCE_95_TWO_SIDED = 1.959963984540054;
export const Z_POWER_80 = 0.8416212335729143;

const SCAN_STEPS = 512;
const TOLERANCE = 1e-9;
const MIN_EXPECTED_COUNT = 5;

export const SIZING_PROBLEMS = ['no_treatment', 'no_control', 'baseline_zero', 'baseline_one', 'baseline_invalid', 'undetectable', 'lift_invalid', 'too_few_customers'] as const;
export type SizingProblem = (typeof SIZING_PROBLEMS)[number];
export const SIZING_CAVEATS = ['rough_approximation'] as const;
export type SizingCaveat = (typeof SIZING_CAVEATS)[number];
/** Keys of the results: `runs.sizing.<problem>`, these two, and `runs.sizing.caveat.<caveat>`. */
export const SIZING_RESULT_KEYS = ['minimumLift', 'controlShare'] as const;

export type SizingFailure = { ok: false; problem: SizingProblem; message: RunsText };

export interface GroupSizes {
  treatment: number;
  control: number;
  /** the conversion rate without messages, 0…1 */
  baseline: number;
}

export type MinimumLiftResult =
  | {
      ok: true;
      /** the smallest detectable increase, in rate points (0.02 = +2 percentage points) */
      points: number;
      /** the same as a share of the baseline (0.2 = +20 %) */
      relative: number;
      /** the treatment rate that would show: baseline + points */
      detectableRate: number;
      caveats: SizingCaveat[];
      message: RunsText;
    }
  | SizingFailure;

function failure(problem: SizingProblem, params: Record<string, string | number> = {}): SizingFailure {
  return { ok: false, problem, message: runsText(`runs.sizing.${problem}`, params) };
}

function isDetectable(lift: number, sizes: GroupSizes): boolean {
  const { treatment: nt, control: nc, baseline: p0 } = sizes;
  const p1 = p0 + lift;
  const pooled = (nt * p1 + nc * p0) / (nt + nc);
  const underNull = Math.sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
  const underLift = Math.sqrt((p1 * (1 - p1)) / nt + (p0 * (1 - p0)) / nc);
  return lift >= Z_CONFIDENCE_95_TWO_SIDED * underNull + Z_POWER_80 * underLift;
}

function sizesProblem(sizes: GroupSizes): SizingFailure | null {
  if (!Number.isFinite(sizes.baseline) || sizes.baseline < 0 || sizes.baseline > 1) return failure('baseline_invalid', { baseline: String(sizes.baseline) });
  if (sizes.baseline === 0) return failure('baseline_zero');
  if (sizes.baseline === 1) return failure('baseline_one');
  if (!(sizes.treatment >= 1)) return failure('no_treatment');
  if (!(sizes.control >= 1)) return failure('no_control');
  return null;
}

function smallestDetectableLift(sizes: GroupSizes): number | null {
  const room = 1 - sizes.baseline;
  let below = 0;
  for (let step = 1; step <= SCAN_STEPS; step++) {
    const lift = (room * step) / SCAN_STEPS;
    if (!isDetectable(lift, sizes)) {
      below = lift;
      continue;
    }
    let above = lift;
    while (above - below > TOLERANCE) {
      const middle = (below + above) / 2;
      if (isDetectable(middle, sizes)) above = middle;
      else below = middle;
    }
    return above;
  }
  return null;
}

function caveatsOf(sizes: GroupSizes): SizingCaveat[] {
  const smaller = Math.min(sizes.treatment, sizes.control);
  const expected = Math.min(smaller * sizes.baseline, smaller * (1 - sizes.baseline));
  return expected < MIN_EXPECTED_COUNT ? ['rough_approximation'] : [];
}

/** The smallest lift in conversion rate these group sizes detect at 95 % confidence and 80 % power. */
export function minimumDetectableLift(sizes: GroupSizes): MinimumLiftResult {
  const problem = sizesProblem(sizes);
  if (problem) return problem;
  const points = smallestDetectableLift(sizes);
  if (points === null) return failure('undetectable', { treatment: sizes.treatment, control: sizes.control, baseline: sizes.baseline });
  const relative = points / sizes.baseline;
  return { ok: true, points, relative, detectableRate: sizes.baseline + points, caveats: caveatsOf(sizes), message: runsText('runs.sizing.minimumLift', { points, relative, treatment: sizes.treatment, control: sizes.control, baseline: sizes.baseline }) };
}

/** A lift the user types: in rate points (0.02 = +2 pp) or relative to the baseline (0.1 = +10 %). */
export interface WantedLift {
  value: number;
  is: 'points' | 'relative';
}

export type ControlShareResult =
  | {
      ok: true;
      /** the smallest control share (0…0.5) that detects the lift */
      share: number;
      /** the chain setting that gives it: whole percent, rounded up */
      controlGroupPercent: number;
      control: number;
      treatment: number;
      caveats: SizingCaveat[];
      message: RunsText;
    }
  | (SizingFailure & { customersNeeded?: number });

/**
 * The control share of `customers` (everyone who enters the chain) needed to detect `lift` over
 * `baseline`. Searches the control size 1 … customers / 2 by bisection: more control than half
 * only shrinks the treatment again, so a lift a 50 / 50 split cannot show is reported as
 * `too_few_customers` with the customers a 50 / 50 split would need (`customersNeeded`).
 */
export function controlShareNeeded(customers: number, baseline: number, lift: WantedLift): ControlShareResult {
  const points = lift.is === 'points' ? lift.value : lift.value * baseline;
  if (!Number.isFinite(points) || points <= 0) return failure('lift_invalid', { lift: String(lift.value) });
  const base = sizesProblem({ treatment: customers, control: customers, baseline });
  if (base) return base;
  if (baseline + points > 1) return failure('lift_invalid', { lift: lift.value });
  const half = Math.floor(customers / 2);
  const passes = (control: number) => control >= 1 && isDetectable(points, { treatment: customers - control, control, baseline });
  if (!passes(half)) {
    const customersNeeded = customersNeededForHalf(points, baseline);
    return { ...failure('too_few_customers', { customers, lift: points, needed: customersNeeded }), customersNeeded };
  }
  let low = 0;
  let high = half;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) high = middle;
    else low = middle;
  }
  const sizes = { treatment: customers - high, control: high, baseline };
  const share = high / customers;
  return { ok: true, share, controlGroupPercent: Math.min(50, Math.ceil(share * 100)), control: high, treatment: customers - high, caveats: caveatsOf(sizes), message: runsText('runs.sizing.controlShare', { share, control: high, customers, points }) };
}

/** Everyone a 50 / 50 split needs to detect `points` over `baseline` (even total, by doubling then bisection). */
function customersNeededForHalf(points: number, baseline: number): number {
  const passes = (perGroup: number) => isDetectable(points, { treatment: perGroup, control: perGroup, baseline });
  let high = 1;
  while (!passes(high)) high *= 2;
  let low = high / 2;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) high = middle;
    else low = middle;
  }
  return 2 * high;
}

/**
 * A chain's sizing from a run: its treatment and control customers, and as baseline the replayed
 * conversion rate of both groups together (in a replay nobody reacts to a message, so both rates
 * are the organic baseline; pooling them is the steadier estimate).
 */
export function chainControlSizing(chain: Pick<ChainFigures, 'treatment' | 'control'>): MinimumLiftResult {
  const treatment = chain.treatment ?? { customers: 0, converted: 0 };
  const control = chain.control ?? { customers: 0, converted: 0 };
  const everyone = treatment.customers + control.customers;
  const baseline = everyone > 0 ? (treatment.converted + control.converted) / everyone : Number.NaN;
  if (everyone === 0) return failure('no_treatment');
  return minimumDetectableLift({ treatment: treatment.customers, control: control.customers, baseline });
}
