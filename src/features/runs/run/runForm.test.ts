import { describe, expect, it } from 'vitest';
import { buildTemplate, createChain, createNode, CHANNEL_DEFAULT_RESPONSES } from '../../../domain/chains';
import { allOf } from '../../../domain/conditions/build';
import { defaultLifecycleSettings, defaultStageMapping } from '../../../domain/journey';
import { defaultRfmSettings, presetSegmentMap } from '../../../domain/rfm';
import { blockedChains, initialRunForm, isWaitingForReach, messageAssumptions, parseMarginPercent, runFormProblems, runFormWith, runSettings, withResponseRates, type RunForm } from './runForm';

const PERIOD = { from: '2026-08-01', to: '2026-10-29' };

function form(change: Partial<RunForm> = {}): RunForm {
  return { ...initialRunForm(PERIOD, false), ...change };
}

const WORKSPACE = { timeZone: 'Europe/Moscow', rfm: defaultRfmSettings(), segmentMap: presetSegmentMap('grid', 5, 'en'), journey: { mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings() }, audiences: { vip: allOf() } };

describe('the Run dialog form', () => {
  it('starts from the default period and seed; "everyone reachable" is on only when the data has no contacts', () => {
    expect(initialRunForm(PERIOD, false)).toMatchObject({ ...PERIOD, seed: '42', projection: false, assumeReachable: false });
    expect(initialRunForm(PERIOD, true).assumeReachable).toBe(true);
    expect(initialRunForm(null, false)).toMatchObject({ from: null, to: null });
  });

  it('keeps the user\'s changes over the defaults, and untouched fields follow the defaults', () => {
    // the contacts scan answers "no contacts" after the dialog opened: the untouched switch turns on, the typed seed stays
    const changes: Partial<RunForm> = { seed: '7' };
    expect(runFormWith(initialRunForm(PERIOD, false), changes)).toMatchObject({ seed: '7', assumeReachable: false });
    expect(runFormWith(initialRunForm(PERIOD, true), changes)).toMatchObject({ seed: '7', assumeReachable: true, ...PERIOD });
    expect(runFormWith(initialRunForm(PERIOD, true), { assumeReachable: false })?.assumeReachable).toBe(false);
    expect(runFormWith(null, changes)).toBeNull();
  });

  it('shows the settings a run started with, whatever the defaults do after the start', () => {
    const started = runFormWith(initialRunForm(PERIOD, false), {})!;
    // the start keeps the whole form as the changes
    expect(runFormWith(initialRunForm(PERIOD, true), started)).toEqual(started);
    expect(runFormWith(initialRunForm({ from: '2026-01-01', to: '2026-03-31' }, true), started)).toEqual(started);
  });

  it('waits for the contacts scan before a run, unless the user set "everyone reachable" themselves', () => {
    // Started before the scan answers, a run on data without contacts would suppress every message.
    expect(isWaitingForReach(true, {})).toBe(true);
    expect(isWaitingForReach(true, { seed: '7' })).toBe(true);
    expect(isWaitingForReach(true, { assumeReachable: false })).toBe(false);
    expect(isWaitingForReach(true, { assumeReachable: true })).toBe(false);
    // answered (or failed: the switch then stays as the user leaves it)
    expect(isWaitingForReach(false, {})).toBe(false);
  });

  it('accepts a complete form', () => {
    expect(runFormProblems(form())).toEqual([]);
  });

  it('says which field is wrong and why', () => {
    expect(runFormProblems(form({ from: null }))).toEqual([{ field: 'from', key: 'fromMissing', params: {} }]);
    expect(runFormProblems(form({ to: null }))).toEqual([{ field: 'to', key: 'toMissing', params: {} }]);
    expect(runFormProblems(form({ from: '2026-10-30', to: '2026-10-29' }))[0]).toMatchObject({ field: 'to', key: 'periodReversed' });
    expect(runFormProblems(form({ from: '2000-01-01' }))[0]).toMatchObject({ field: 'to', key: 'periodTooLong' });
    for (const seed of ['', '-1', '1.5', 'abc', '99999999999']) expect(runFormProblems(form({ seed })), seed).toEqual([expect.objectContaining({ field: 'seed', key: 'seedInvalid' })]);
    expect(runFormProblems(form({ seed: ' 7 ' }))).toEqual([]);
  });

  it('checks the margin only when the projection is on', () => {
    expect(runFormProblems(form({ marginPercent: '0' }))).toEqual([]);
    expect(runFormProblems(form({ projection: true, marginPercent: '0' }))).toEqual([expect.objectContaining({ field: 'marginPercent' })]);
    expect(runFormProblems(form({ projection: true, marginPercent: '120' }))).toHaveLength(1);
    expect(parseMarginPercent('35,5')).toBeCloseTo(0.355);
    expect(parseMarginPercent('')).toBeNull();
  });

  it('makes the run settings from the form and the workspace settings', () => {
    const settings = runSettings(form({ seed: '7', projection: true, marginPercent: '40', assumeReachable: true }), WORKSPACE);
    expect(settings).toMatchObject({ ...PERIOD, timeZone: 'Europe/Moscow', seed: 7, projection: true, margin: 0.4, assumeReachable: true, audiences: { vip: allOf() } });
    expect(settings.rfm).toEqual({ scoring: { levels: 5, method: 'quantile', monetary: 'total' }, periodDays: WORKSPACE.rfm.periodDays, map: WORKSPACE.segmentMap });
    expect(settings.journey.mapping).toBe(WORKSPACE.journey.mapping);
    // Without the projection the margin does not matter: ROMI is on revenue.
    expect(runSettings(form({ marginPercent: '40' }), WORKSPACE).margin).toBe(1);
  });
});

describe('chains that cannot run', () => {
  it('are named with the validator’s errors; a complete chain is not', () => {
    const complete = buildTemplate('abandoned-cart', 'en');
    const broken = { ...createChain('b1', 'Broken'), nodes: [createNode('message', 'm1', { x: 0, y: 0 })] };
    const blocked = blockedChains([complete, broken]);
    expect(blocked.map((item) => item.chainId)).toEqual(['b1']);
    expect(blocked[0]!.name).toBe('Broken');
    expect(blocked[0]!.errors.length).toBeGreaterThan(0);
    expect(blocked[0]!.errors[0]!.en).toMatch(/\w/);
    expect(blocked[0]!.errors[0]!.ru).toMatch(/[а-я]/);
  });
});

describe('the projection’s assumptions', () => {
  it('list every message with its own rates or its channel’s defaults', () => {
    const chain = buildTemplate('abandoned-cart', 'en');
    const rows = messageAssumptions([chain]);
    const messages = chain.nodes.filter((node) => node.kind === 'message');
    expect(rows).toHaveLength(messages.length);
    const first = rows[0]!;
    expect(first.isChannelDefault).toBe(true);
    expect(first.rates).toEqual(CHANNEL_DEFAULT_RESPONSES[first.channel!]);
  });

  it('replace one message’s rates and nothing else', () => {
    const chain = buildTemplate('abandoned-cart', 'en');
    const row = messageAssumptions([chain])[0]!;
    const rates = { delivered: 0.9, opened: 0.3, clicked: 0.1, converted: 0.05, unsubscribed: 0.01 };
    const edited = withResponseRates(chain, row.nodeId, rates);
    expect(messageAssumptions([edited])[0]).toMatchObject({ rates, isChannelDefault: false });
    expect(edited.nodes.filter((node) => node.id !== row.nodeId)).toEqual(chain.nodes.filter((node) => node.id !== row.nodeId));
    expect(chain.nodes.find((node) => node.id === row.nodeId)).toMatchObject({ responses: null });
  });
});
