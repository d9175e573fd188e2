import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { DAY_MS, blackFriday, buildCalendar, drawInstant, intensityBetween } from './calendar';
import { buildCampaigns } from './campaigns';

describe('demo calendar', () => {
  it('finds Black Friday (the day after the fourth Thursday of November)', () => {
    expect(blackFriday(2024)).toBe(29);
    expect(blackFriday(2025)).toBe(28);
    expect(blackFriday(2026)).toBe(27);
  });

  it('spans whole Moscow days with an average intensity near 1', () => {
    const calendar = buildCalendar('2026-10-31', 14);
    expect(calendar.days).toBe(426);
    expect(calendar.dates[0]).toBe('2025-09-01');
    expect(calendar.dates.at(-1)).toBe('2026-10-31');
    const mean = intensityBetween(calendar, calendar.startMs, calendar.endMs) / calendar.days;
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.15);
    expect(intensityBetween(calendar, calendar.startMs, calendar.startMs + 10 * DAY_MS)).toBeGreaterThan(0);
  });

  it('draws instants inside the requested span only', () => {
    const calendar = buildCalendar('2026-10-31', 14);
    const random = createRandom(1);
    const span = { fromMs: calendar.startMs + 100.5 * DAY_MS, toMs: calendar.startMs + 103.25 * DAY_MS, utcOffset: 7 };
    for (let i = 0; i < 2000; i++) {
      const ts = drawInstant(calendar, random, span);
      expect(ts).toBeGreaterThanOrEqual(span.fromMs);
      expect(ts).toBeLessThan(span.toMs);
    }
  });

  it('plans weekly digests and the seasonal campaigns, Cyber Monday included', () => {
    const campaigns = buildCampaigns(buildCalendar('2026-10-31', 14));
    const names = campaigns.email.map((campaign) => campaign.name);
    expect(names.filter((name) => name.startsWith('digest_'))).toHaveLength(61);
    for (const name of ['black_friday_2025', 'cyber_monday_2025', 'march8_2026', 'summer_sale_2026']) expect(names).toContain(name);
    const times = campaigns.email.map((campaign) => campaign.ts);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(campaigns.sms.length).toBeGreaterThan(14);
  });
});
