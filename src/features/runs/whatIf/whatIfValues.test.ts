import { describe, expect, it } from 'vitest';
import { readWhatIfValue, whatIfValueText } from './whatIfValues';

describe('reading what-if values as typed', () => {
  it('reads durations in English and Russian, with a decimal comma', () => {
    expect(readWhatIfValue('delay', '2 h')).toEqual({ ok: true, value: { amount: 2, unit: 'hours' } });
    expect(readWhatIfValue('delay', '30min')).toEqual({ ok: true, value: { amount: 30, unit: 'minutes' } });
    expect(readWhatIfValue('waitForTimeout', '1,5 дня')).toEqual({ ok: true, value: { amount: 1.5, unit: 'days' } });
    expect(readWhatIfValue('delay', '3 недели')).toEqual({ ok: true, value: { amount: 3, unit: 'weeks' } });
    expect(readWhatIfValue('delay', 'soon')).toEqual({ ok: false, problem: 'notDuration' });
    expect(readWhatIfValue('delay', '2 fortnights')).toEqual({ ok: false, problem: 'notDuration' });
    expect(readWhatIfValue('delay', '  ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('reads money, percents, weights, caps and quiet hours', () => {
    expect(readWhatIfValue('cost', '1,25')).toEqual({ ok: true, value: 1.25 });
    expect(readWhatIfValue('cost', 'free')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readWhatIfValue('controlGroupPercent', '10')).toEqual({ ok: true, value: 10 });
    expect(readWhatIfValue('splitWeights', '70/30')).toEqual({ ok: true, value: [70, 30] });
    expect(readWhatIfValue('splitWeights', '100')).toEqual({ ok: false, problem: 'notWeights' });
    expect(readWhatIfValue('frequencyCap', '3/7')).toEqual({ ok: true, value: { isEnabled: true, messages: 3, days: 7 } });
    expect(readWhatIfValue('frequencyCap', 'выкл')).toEqual({ ok: true, value: { isEnabled: false } });
    expect(readWhatIfValue('frequencyCap', 'three')).toEqual({ ok: false, problem: 'notCap' });
    expect(readWhatIfValue('quietHours', '22:00-9:00')).toEqual({ ok: true, value: { isEnabled: true, from: '22:00', to: '09:00' } });
    expect(readWhatIfValue('quietHours', 'nights')).toEqual({ ok: false, problem: 'notQuietHours' });
    expect(readWhatIfValue('channel', 'SMS')).toEqual({ ok: true, value: 'sms' });
  });

  it('writes a current value so that reading it gives it back', () => {
    const cases: [Parameters<typeof whatIfValueText>[0], unknown][] = [
      ['delay', { amount: 1, unit: 'hours' }],
      ['splitWeights', [50, 50]],
      ['frequencyCap', { isEnabled: true, messages: 2, days: 1 }],
      ['quietHours', { isEnabled: true, from: '22:00', to: '09:00' }],
      ['cost', 0.5],
    ];
    for (const [setting, value] of cases) {
      const read = readWhatIfValue(setting, whatIfValueText(setting, value));
      expect(read.ok && read.value).toMatchObject(setting === 'frequencyCap' || setting === 'quietHours' ? { isEnabled: true } : (value as object));
    }
    expect(whatIfValueText('frequencyCap', { isEnabled: false, messages: 2, days: 1 })).toBe('off');
  });
});
