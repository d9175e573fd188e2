import { describe, expect, it } from 'vitest';
import { defaultRfmSettings, normalizeRfmSettings, scoringKey, scoringOf } from './settings';
import { presetSegmentMap } from './segmentMaps';
import { computeRfm } from './computeRfm';
import { rfmCsvRow } from './rfmCsv';
import { historyOf } from './testing';

describe('RFM settings', () => {
  it('repairs stored settings field by field', () => {
    const repaired = normalizeRfmSettings({ levels: 7, method: 'manual', asOf: '2026-02-30', periodDays: 90, manualBreaks: { '4': { recency: [1, 2, 3], frequency: 'x' } } });
    expect(repaired).toMatchObject({ levels: 5, method: 'manual', asOf: null, periodDays: 90 });
    expect(repaired.manualBreaks['4']).toEqual(defaultRfmSettings().manualBreaks['4']);
    expect(normalizeRfmSettings(null)).toEqual(defaultRfmSettings());
    expect(normalizeRfmSettings('garbage')).toEqual(defaultRfmSettings());
  });

  it('keeps a valid edited map and drops a broken one', () => {
    const map = presetSegmentMap('rfm-package', 4, 'ru');
    expect(normalizeRfmSettings({ customMap: map }).customMap).toEqual(map);
    expect(normalizeRfmSettings({ customMap: { preset: 'grid', levels: 5, segments: 'x' } }).customMap).toBeNull();
  });

  it('keys the cached scores on what they depend on only', () => {
    const settings = defaultRfmSettings();
    expect(scoringKey({ ...settings, direction: 'lowIsBest', mapPreset: 'rfm-package', compareFrom: '2026-01-01' })).toBe(scoringKey(settings));
    expect(scoringKey({ ...settings, levels: 4 })).not.toBe(scoringKey(settings));
    // manual cut points count only with the manual method, and only those of the current levels
    expect(scoringKey({ ...settings, manualBreaks: { ...settings.manualBreaks, '5': { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] } } })).toBe(scoringKey(settings));
    expect(scoringOf({ ...settings, method: 'manual', levels: 3 }).manualBreaks).toEqual(settings.manualBreaks['3']);
  });
});

describe('RFM CSV rows', () => {
  it('neutralise text a spreadsheet would run, and show scores in the chosen direction', () => {
    const result = computeRfm(historyOf(1, [[0, Date.parse('2026-01-01T10:00:00Z'), 12.5]]), { asOfDay: Date.parse('2026-01-02') / 86_400_000, periodDays: null, levels: 5, method: 'quantile', monetary: 'total' });
    const options = { customerId: () => '=HYPERLINK("x")', segmentName: () => '+Champions' };
    expect(rfmCsvRow(result, 0, options)).toBe(`"'=HYPERLINK(""x"")",'+Champions,511,1,1,12.5,5,1,1`);
    expect(rfmCsvRow(result, 0, { ...options, direction: 'lowIsBest' })).toBe(`"'=HYPERLINK(""x"")",'+Champions,155,1,1,12.5,1,5,5`);
  });
});
