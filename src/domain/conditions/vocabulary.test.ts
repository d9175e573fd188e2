import { describe, expect, it } from 'vitest';
import { defaultStageMapping } from '../journey/stageMapping';
import type { DataQualityReport } from '../quality/dataQuality';
import { presetSegmentMap } from '../rfm/segmentMaps';
import { buildWorkspaceVocabulary, checkReference, customersWithout, type QualityForVocabulary } from './vocabulary';

const field = (name: string, filled: number) => ({ name, filled, distinct: filled, top: filled ? [{ value: 'x', count: filled }] : [], invalid: null });
const quality: QualityForVocabulary = {
  customers: 10,
  customerFields: [field('firstName', 8), field('birthDate', 0), field('signupAt', 10)] as DataQualityReport['customerFields'],
  attributes: [field('tier', 4)] as DataQualityReport['attributes'],
  eventTypes: [
    { type: 'page_view', count: 50, customers: 9 },
    { type: 'order', count: 70, customers: 8 },
    { type: 'ghost', count: 0, customers: 0 },
  ],
  props: [field('category', 30), field('empty', 0)] as DataQualityReport['props'],
};

describe('workspace vocabulary', () => {
  it('lists what the data has, most frequent event types first, with the segment map and stages in use', () => {
    const mapping = defaultStageMapping();
    mapping.stages.push({ id: 'vip', name: 'VIP' });
    const vocabulary = buildWorkspaceVocabulary({ quality, segmentMap: presetSegmentMap('rfm-package', 5, 'ru'), stageMapping: mapping, segmentCustomers: { champions: 3 }, lifecycleCustomers: { active: 4 } });
    expect(vocabulary.eventTypes).toEqual([{ name: 'order', count: 70 }, { name: 'page_view', count: 50 }]);
    expect(vocabulary.fields.map((item) => `${item.name}:${item.count}`)).toEqual(['firstName:8', 'signupAt:10', 'attrs.tier:4']);
    expect(vocabulary.eventProps.map((item) => item.name)).toEqual(['category']);
    expect(vocabulary.rfmSegments[0]).toEqual({ id: 'champions', name: 'Чемпионы', customers: 3 });
    expect(vocabulary.stages.at(-1)).toEqual({ id: 'vip', name: 'VIP', customers: null });
    expect(vocabulary.lifecycleStatuses.find((item) => item.status === 'active')).toEqual({ status: 'active', customers: 4 });
    expect(customersWithout('firstName', vocabulary)).toBe(2);
    expect(customersWithout('birthDate', vocabulary)).toBeNull();
  });

  it('defaults to the R × FM grid and the default stages', () => {
    const vocabulary = buildWorkspaceVocabulary({ quality });
    expect(vocabulary.rfmSegments.map((segment) => segment.id)).toContain('atRisk');
    expect(vocabulary.stages.map((stage) => stage.id)).toEqual(['awareness', 'interest', 'consideration', 'purchase', 'retention', 'advocacy']);
  });

  it('checks a name and offers the closest ones', () => {
    const vocabulary = buildWorkspaceVocabulary({ quality });
    expect(checkReference({ kind: 'eventType', name: 'order', path: '' }, vocabulary)).toBeNull();
    expect(checkReference({ kind: 'eventType', name: 'orders', path: 'x' }, vocabulary)).toMatchObject({ code: 'unknown_event_type', suggestions: ['order'] });
    expect(checkReference({ kind: 'field', name: 'birthDate', path: '' }, vocabulary)?.message.en).toBe("No customer in this workspace's data has a birth date.");
    expect(checkReference({ kind: 'field', name: 'attrs.tir', path: '' }, vocabulary)).toMatchObject({ suggestions: ['attrs.tier'] });
    expect(checkReference({ kind: 'rfmSegment', name: 'at_risk', path: '' }, vocabulary)?.suggestions[0]).toBe('atRisk');
    expect(checkReference({ kind: 'stage', name: 'retention', path: '' }, vocabulary)).toBeNull();
    expect(checkReference({ kind: 'eventProp', name: 'empty', path: '' }, vocabulary)?.code).toBe('unknown_event_prop');
  });
});
