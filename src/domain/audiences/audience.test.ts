import { describe, expect, it } from 'vitest';
import { allOf, compare } from '../conditions/build';
import { AUDIENCE_VERSION, audienceConditions, restoreAudience, type SavedAudience } from './audience';
import { audienceCycle, audiencesNaming, cycleMessage } from './membership';

const saved = (id: string, name: string, names: string[] = []): SavedAudience => ({
  version: AUDIENCE_VERSION,
  id,
  workspaceId: 'w',
  name,
  description: '',
  condition: allOf({ type: 'orderCount', compare: compare('gte', 1), days: null }, ...names.map((other) => ({ type: 'audience' as const, op: 'in' as const, audienceId: other, name: other }))),
  createdAt: 1,
  updatedAt: 2,
});

describe('saved audiences', () => {
  it('restores a stored record and refuses what it cannot read, with the reason', () => {
    const record = saved('a', 'Buyers');
    expect(restoreAudience(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, audience: record, migrated: [] });
    const newer = restoreAudience({ ...record, version: AUDIENCE_VERSION + 1 });
    expect(newer).toMatchObject({ ok: false, id: 'a', name: 'Buyers' });
    expect(!newer.ok && newer.message.en).toMatch(/newer ChainLab/);
    const broken = restoreAudience({ ...record, condition: { type: 'group', op: 'xor', items: [] } });
    expect(!broken.ok && broken.message.en).toMatch(/condition\.op/);
    expect(restoreAudience({ ...record, name: '  ' }).ok).toBe(false);
    expect(restoreAudience('nope').ok).toBe(false);
    expect(audienceConditions([record])).toEqual({ a: record.condition });
  });

  it('refuses a cycle through other audiences, naming them in order', () => {
    const a = saved('a', 'A', ['b']);
    const b = saved('b', 'B', ['c']);
    const c = saved('c', 'C');
    expect(audienceCycle(a, [a, b, c])).toBeNull();
    const closing = saved('c', 'C', ['a']);
    const cycle = audienceCycle(closing, [a, b, c]);
    expect(cycle).toEqual(['c', 'a', 'b', 'c']);
    expect(cycleMessage(cycle!, [a, b, c]).en).toBe('An audience cannot include itself: "C" → "A" → "B" → "C". Remove one of these conditions.');
    expect(audienceCycle(saved('s', 'S', ['s']), [])).toEqual(['s', 's']);
    expect(audiencesNaming('b', [a, b, c]).map((audience) => audience.id)).toEqual(['a']);
  });
});
