import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValid, validateChain, type Chain } from '../chains';
import { everyOptionChain } from '../chains/testing';
import { randomValidChain } from '../chains/randomChain';
import { createRandom } from '../random';
import { applyWhatIfValue, buildWhatIfVariants, currentWhatIfValue, whatIfSettingsOf, type WhatIfVariant } from './whatIf';

function node(chain: Chain, id: string) {
  return chain.nodes.find((item) => item.id === id)!;
}

function runnable(variant: WhatIfVariant | undefined): Chain {
  if (!variant?.isRunnable) throw new Error(`variant not runnable: ${JSON.stringify(variant && !variant.isRunnable ? variant.problem : variant)}`);
  return variant.chain;
}

describe('what-if settings', () => {
  it('offers the settings of each node kind', () => {
    const chain = everyOptionChain();
    expect(whatIfSettingsOf(node(chain, 'd_day'))).toEqual(['delay']);
    expect(whatIfSettingsOf(node(chain, 'w_checkout'))).toEqual(['waitForTimeout']);
    expect(whatIfSettingsOf(node(chain, 'u_window'))).toEqual([]);
    expect(whatIfSettingsOf(node(chain, 'm_email'))).toEqual(['channel', 'cost']);
    expect(whatIfSettingsOf(node(chain, 's_ab'))).toEqual(['splitWeights']);
    expect(whatIfSettingsOf(node(chain, 'f_all'))).toEqual([]);
  });

  it('prefills the current value', () => {
    const chain = everyOptionChain();
    expect(currentWhatIfValue(chain, { scope: 'node', nodeId: 'd_day', setting: 'delay' })).toEqual({ amount: 1, unit: 'days' });
    expect(currentWhatIfValue(chain, { scope: 'node', nodeId: 's_ab', setting: 'splitWeights' })).toEqual([45, 45, 10]);
    expect(currentWhatIfValue(chain, { scope: 'chain', setting: 'frequencyCap' })).toEqual({ isEnabled: true, messages: 3, days: 7, window: 'calendar' });
    expect(currentWhatIfValue(chain, { scope: 'node', nodeId: 'f_all', setting: 'delay' })).toBeUndefined();
  });
});

describe('variants', () => {
  it('makes one valid chain per delay value, leaving the chain itself unchanged', () => {
    const chain = everyOptionChain();
    const before = structuredClone(chain);
    const result = buildWhatIfVariants(chain, { target: { scope: 'node', nodeId: 'd_day', setting: 'delay' }, values: [{ amount: 1, unit: 'hours' }, { amount: 1, unit: 'days' }, { amount: 3, unit: 'days' }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variants.map((variant) => variant.isRunnable)).toEqual([true, true, true]);
    const delays = result.variants.map((variant) => node(runnable(variant), 'd_day'));
    expect(delays.map((item) => (item.kind === 'timer' && item.timer.type === 'delay' ? item.timer.duration : null))).toEqual([{ amount: 1, unit: 'hours' }, { amount: 1, unit: 'days' }, { amount: 3, unit: 'days' }]);
    expect(chain).toEqual(before);
    // everything but the marked setting is the same chain
    expect(runnable(result.variants[2]).nodes.filter((item) => item.id !== 'd_day')).toEqual(chain.nodes.filter((item) => item.id !== 'd_day'));
  });

  it('varies chain settings by merging the fields given', () => {
    const chain = everyOptionChain();
    const result = buildWhatIfVariants(chain, { target: { scope: 'chain', setting: 'frequencyCap' }, values: [{ isEnabled: false }, { messages: 1 }, { messages: 2, days: 3 }] });
    if (!result.ok) throw new Error('refused');
    expect(result.variants.map((variant) => runnable(variant).settings.frequencyCap)).toEqual([
      { isEnabled: false, messages: 3, days: 7, window: 'calendar' },
      { isEnabled: true, messages: 1, days: 7, window: 'calendar' },
      { isEnabled: true, messages: 2, days: 3, window: 'calendar' },
    ]);
  });

  it('channel, cost, split weights, quiet hours and control share', () => {
    const chain = everyOptionChain();
    const channel = applyWhatIfValue(chain, { scope: 'node', nodeId: 'm_email', setting: 'channel' }, 'sms');
    expect(channel.ok && node(channel.value, 'm_email')).toMatchObject({ channel: 'sms' });
    const cost = applyWhatIfValue(chain, { scope: 'node', nodeId: 'm_email', setting: 'cost' }, 2.5);
    expect(cost.ok && node(cost.value, 'm_email')).toMatchObject({ cost: 2.5 });
    const weights = applyWhatIfValue(chain, { scope: 'node', nodeId: 's_ab', setting: 'splitWeights' }, [40, 40, 20]);
    expect(weights.ok && node(weights.value, 's_ab')).toMatchObject({ branches: [{ id: 'a', weight: 40 }, { id: 'b', weight: 40 }, { id: 'holdout', weight: 20, isHoldout: true }] });
    const quiet = applyWhatIfValue(chain, { scope: 'chain', setting: 'quietHours' }, { mode: 'wait' });
    expect(quiet.ok && quiet.value.settings.quietHours).toEqual({ isEnabled: true, from: '21:30', to: '08:30', mode: 'wait' });
    const control = applyWhatIfValue(chain, { scope: 'chain', setting: 'controlGroupPercent' }, 20);
    expect(control.ok && control.value.settings.controlGroupPercent).toBe(20);
  });

  it('a bad value makes its variant not runnable, with the reason; the others still run', () => {
    const chain = everyOptionChain();
    const result = buildWhatIfVariants(chain, { target: { scope: 'node', nodeId: 'd_day', setting: 'delay' }, values: [{ amount: 0, unit: 'days' }, { amount: 2, unit: 'days' }, '3 days'] });
    if (!result.ok) throw new Error('refused');
    expect(result.variants.map((variant) => variant.isRunnable)).toEqual([false, true, false]);
    expect(result.variants[0]).toMatchObject({ problem: { key: 'runs.whatIf.valueInvalid', params: { path: 'timer.duration.amount', reason: 'tooSmall', limit: 1 } } });
  });

  it('weights that do not add up to 100 give an invalid variant with the validator’s findings', () => {
    const result = buildWhatIfVariants(everyOptionChain(), { target: { scope: 'node', nodeId: 's_ab', setting: 'splitWeights' }, values: [[50, 50, 0], [60, 30, 30], [50, 50]] });
    if (!result.ok) throw new Error('refused');
    expect(result.variants[0]!.isRunnable).toBe(true);
    expect(result.variants[1]).toMatchObject({ isRunnable: false, problem: { key: 'runs.whatIf.variantInvalid' } });
    expect(result.variants[1]!.findings.some((finding) => finding.code === 'split_weights' && finding.severity === 'error')).toBe(true);
    expect(result.variants[2]).toMatchObject({ isRunnable: false, problem: { key: 'runs.whatIf.weightsPerBranch', params: { branches: 3 } } });
  });

  it('refuses fewer than 2 or more than 5 values, repeated values, a missing node or a setting the node lacks', () => {
    const chain = everyOptionChain();
    const delay = { scope: 'node', nodeId: 'd_day', setting: 'delay' } as const;
    const days = (amount: number) => ({ amount, unit: 'days' });
    expect(buildWhatIfVariants(chain, { target: delay, values: [days(1)] })).toMatchObject({ ok: false, problem: { key: 'runs.whatIf.valueCount', params: { count: 1 } } });
    expect(buildWhatIfVariants(chain, { target: delay, values: [1, 2, 3, 4, 5, 6].map(days) })).toMatchObject({ ok: false, problem: { key: 'runs.whatIf.valueCount' } });
    expect(buildWhatIfVariants(chain, { target: delay, values: [days(1), { unit: 'days', amount: 1 }] })).toMatchObject({ ok: false, problem: { key: 'runs.whatIf.valueRepeated', params: { position: 2 } } });
    expect(buildWhatIfVariants(chain, { target: { ...delay, nodeId: 'nope' }, values: [days(1), days(2)] })).toMatchObject({ ok: false, problem: { key: 'runs.whatIf.nodeMissing' } });
    expect(buildWhatIfVariants(chain, { target: { ...delay, nodeId: 'm_email' }, values: [days(1), days(2)] })).toMatchObject({ ok: false, problem: { key: 'runs.whatIf.settingNotOnNode' } });
    expect(buildWhatIfVariants(chain, { target: { scope: 'node', nodeId: 'm_email', setting: 'channel' }, values: ['email', 'fax'] })).toMatchObject({ ok: true, variants: [{ isRunnable: true }, { isRunnable: false }] });
  });

  it('setting the current value back gives a valid chain equal to the original (property over random valid chains)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const chain = randomValidChain(createRandom(seed, 14), { maxNodes: 20 });
        for (const item of chain.nodes) {
          for (const setting of whatIfSettingsOf(item)) {
            const target = { scope: 'node', nodeId: item.id, setting } as const;
            const result = applyWhatIfValue(chain, target, currentWhatIfValue(chain, target));
            expect(result.ok && result.value).toEqual(chain);
          }
        }
        const cap = applyWhatIfValue(chain, { scope: 'chain', setting: 'frequencyCap' }, { messages: 2 });
        expect(cap.ok && isValid(validateChain(cap.value))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
