import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, anyOf } from '../conditions/build';
import { CONSENT_CHANNELS } from '../model/customer';
import { customerConditionArbitrary, populationArbitrary, PROPERTY_PERIOD } from '../simulation/arbitraries';
import { defaultSimulationSettings } from '../simulation/settings';
import { testData } from '../simulation/testing';
import { evaluateAudience, prepareAudienceData } from './evaluate';
import { audienceInRow, audienceProfile, NONE, type AudienceProfile, type ProfileRow } from './profile';

const settings = defaultSimulationSettings(PROPERTY_PERIOD.from, PROPERTY_PERIOD.to, 'Europe/Moscow');
const dayArbitrary = fc.integer({ min: 0, max: 25 }).map((day) => new Date(Date.UTC(2025, 1, 25 + day)).toISOString().slice(0, 10));

/** Every row of the profile table that lists customers, with the audience's count in it. */
function rowsOf(profile: { audience: AudienceProfile; base: AudienceProfile }): { row: ProfileRow; count: number }[] {
  const { audience, base } = profile;
  return [
    { row: { kind: 'buyers' }, count: audience.buyers },
    ...CONSENT_CHANNELS.map((channel) => ({ row: { kind: 'reachable', channel } as const, count: audience.reachable[channel] })),
    ...(['segments', 'lifecycle', 'stages'] as const).flatMap((kind) => Object.keys(base[kind]).map((key) => ({ row: { kind, key }, count: audience[kind][key] ?? 0 }))),
  ];
}

describe('the customers of an audience in a profile row', () => {
  it('are exactly as many as the row counts, for every row, "none" included (fast-check)', () => {
    fc.assert(
      fc.property(populationArbitrary(10), customerConditionArbitrary, customerConditionArbitrary, fc.boolean(), dayArbitrary, ({ customers, events }, a, b, isOr, asOf) => {
        const prepared = prepareAudienceData(testData(customers, events), settings, Date.parse('2026-01-01T00:00:00Z'));
        const audience = isOr ? anyOf(a, b) : allOf(a, b);
        const members = evaluateAudience(prepared, audience, { asOf }).members;
        const profile = audienceProfile(prepared, members, asOf);
        for (const { row, count } of rowsOf(profile)) {
          const inRow = evaluateAudience(prepared, audienceInRow(audience, row, profile.base), { asOf });
          expect({ row, size: inRow.size }).toEqual({ row, size: count });
          // only members of the audience
          expect([...inRow.members].every((isIn, c) => !isIn || members[c] === 1)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a "none" row keeps those without a segment, status or stage', () => {
    const prepared = prepareAudienceData(testData([{ id: 'a' }, { id: 'b' }], [{ customer: 'a', type: 'order', at: '2025-03-02T10:00:00Z', amount: 100 }]), settings, Date.parse('2026-01-01T00:00:00Z'));
    const everyone = allOf();
    const members = evaluateAudience(prepared, everyone, { asOf: '2025-03-10' }).members;
    const profile = audienceProfile(prepared, members, '2025-03-10');
    expect(profile.audience.segments[NONE]).toBe(1);
    const none = evaluateAudience(prepared, audienceInRow(everyone, { kind: 'segments', key: NONE }, profile.base), { asOf: '2025-03-10' });
    expect([...none.members]).toEqual([0, 1]);
  });
});
