import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageModule } from '../domain/chains/nodes/message';
import { timerModule } from '../domain/chains/nodes/timer';
import { settingsSchema } from '../domain/chains/schemaParts';
import { defaultChainSettings } from '../domain/chains/settings';
import { numberInputProblem, parseNumberInput, schemaProblemAt } from './fieldProblems';

describe('parseNumberInput', () => {
  it('reads numbers as people type them in either language', () => {
    expect(parseNumberInput('12')).toBe(12);
    expect(parseNumberInput(' 2,5 ')).toBe(2.5);
    expect(parseNumberInput('1 000')).toBe(1000);
    expect(parseNumberInput('−3')).toBe(-3);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('abc')).toBe('invalid');
    expect(parseNumberInput('1e3')).toBe('invalid');
    expect(parseNumberInput('1.2.3')).toBe('invalid');
  });

  it('says what is wrong before the model is asked', () => {
    expect(numberInputProblem('')).toEqual({ key: 'required' });
    expect(numberInputProblem('', { isOptional: true })).toBeNull();
    expect(numberInputProblem('x')).toEqual({ key: 'notNumber' });
    expect(numberInputProblem('2.5', { isInteger: true })).toEqual({ key: 'wholeNumber' });
    expect(numberInputProblem('2', { isInteger: true })).toBeNull();
  });
});

describe('schemaProblemAt', () => {
  it('turns the model limits at a path into problems with their bounds', () => {
    const settings = defaultChainSettings();
    expect(schemaProblemAt(settingsSchema, { ...settings, controlGroupPercent: 95 }, 'controlGroupPercent')).toEqual({ key: 'atMost', values: { max: 90 } });
    expect(schemaProblemAt(settingsSchema, { ...settings, reEntry: { mode: 'cooldown', cooldownDays: 0 } }, 'reEntry.cooldownDays')).toEqual({ key: 'atLeast', values: { min: 1 } });
    expect(schemaProblemAt(settingsSchema, { ...settings, reEntry: { mode: 'cooldown', cooldownDays: 1.5 } }, 'reEntry.cooldownDays')).toEqual({ key: 'wholeNumber' });
    expect(schemaProblemAt(settingsSchema, { ...settings, controlGroupPercent: 10 }, 'controlGroupPercent')).toBeNull();
  });

  it('ignores problems elsewhere in the value', () => {
    const settings = defaultChainSettings();
    const candidate = { ...settings, controlGroupPercent: 95, reEntry: { mode: 'once' as const, cooldownDays: 3 } };
    expect(schemaProblemAt(settingsSchema, candidate, 'reEntry.cooldownDays')).toBeNull();
  });

  it('names the limits of the model custom rules in any language', () => {
    const timer = timerModule.create('t', { x: 0, y: 0 });
    expect(schemaProblemAt(timerModule.schema, { ...timer, timer: { type: 'delay', duration: { amount: 400, unit: 'days' } } }, 'timer.duration.amount')).toEqual({ key: 'atMost', values: { max: 366 } });
    const message = messageModule.create('m', { x: 0, y: 0 });
    expect(schemaProblemAt(messageModule.schema, { ...message, offer: { type: 'discount_percent', value: 120, code: '' } }, 'offer.value')).toEqual({ key: 'atMostPercent', values: { max: 100 } });
    expect(schemaProblemAt(messageModule.schema, { ...message, cost: -1 }, 'cost')).toEqual({ key: 'atLeast', values: { min: 0 } });
  });

  it('keeps the detail of a rule it cannot name', () => {
    expect(schemaProblemAt(z.object({ a: z.string().refine(() => false, 'odd rule') }), { a: 'x' }, 'a')).toEqual({ key: 'other', values: { detail: 'odd rule' } });
  });
});
