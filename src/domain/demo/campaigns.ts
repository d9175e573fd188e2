import { DAY_MS, HOUR_MS, blackFriday, type DemoCalendar } from './calendar';

/**
 * The store's marketing calendar during the demo period: what was sent to the whole base on
 * which day. Only the customers' reactions (opens, clicks) are events in the data; the sends
 * themselves are what ChainLab's simulations are meant to design. Send times are Moscow time.
 * - e-mail: a Thursday digest, a fortnightly Monday promo and the seasonal campaigns;
 * - push: a Saturday promo and the seasonal campaigns;
 * - SMS: the seasonal campaigns and a monthly reminder of the loyalty programme.
 */
export interface DemoCampaign {
  name: string;
  ts: number;
  /** Announces a sale: bargain hunters react more. */
  isSale: boolean;
}

export interface DemoCampaigns {
  email: DemoCampaign[];
  push: DemoCampaign[];
  sms: DemoCampaign[];
}

interface Seasonal {
  name: string;
  /** month 0–11 and day; `bf` days count from Black Friday */
  month: number;
  day: number | 'bf';
  offset?: number;
  channels: string;
}

const SEASONAL: readonly Seasonal[] = [
  { name: 'singles_day', month: 10, day: 10, channels: 'eps' },
  { name: 'black_friday_teaser', month: 10, day: 'bf', offset: -3, channels: 'e' },
  { name: 'black_friday', month: 10, day: 'bf', channels: 'eps' },
  { name: 'cyber_monday', month: 10, day: 'bf', offset: 3, channels: 'ep' },
  { name: 'new_year_gifts', month: 11, day: 10, channels: 'ep' },
  { name: 'new_year_last_call', month: 11, day: 22, channels: 'eps' },
  { name: 'winter_sale', month: 0, day: 4, channels: 'eps' },
  { name: 'valentine', month: 1, day: 10, channels: 'e' },
  { name: 'feb23', month: 1, day: 18, channels: 'ep' },
  { name: 'march8', month: 2, day: 2, channels: 'eps' },
  { name: 'march8_last_call', month: 2, day: 6, channels: 'ep' },
  { name: 'summer_sale', month: 6, day: 1, channels: 'eps' },
  { name: 'back_to_school', month: 7, day: 18, channels: 'e' },
];

const SALE_CAMPAIGNS = new Set(['singles_day', 'black_friday', 'cyber_monday', 'winter_sale', 'summer_sale', 'black_friday_teaser']);
const MOSCOW_OFFSET_MS = 3 * HOUR_MS;

export function buildCampaigns(calendar: DemoCalendar): DemoCampaigns {
  const campaigns: DemoCampaigns = { email: [], push: [], sms: [] };
  for (let d = 0; d < calendar.days; d++) {
    const localMidnight = calendar.startMs + d * DAY_MS;
    const date = new Date(localMidnight + MOSCOW_OFFSET_MS);
    const weekday = date.getUTCDay();
    const iso = calendar.dates[d]!;
    const week = Math.floor(d / 7);
    if (weekday === 4) campaigns.email.push({ name: `digest_${iso}`, ts: localMidnight + 11 * HOUR_MS, isSale: false });
    if (weekday === 1 && week % 2 === 0) campaigns.email.push({ name: `promo_${iso}`, ts: localMidnight + 10 * HOUR_MS, isSale: false });
    if (weekday === 6) campaigns.push.push({ name: `weekend_${iso}`, ts: localMidnight + 12 * HOUR_MS, isSale: false });
    if (date.getUTCDate() === 15) campaigns.sms.push({ name: `loyalty_${iso.slice(0, 7)}`, ts: localMidnight + 13 * HOUR_MS, isSale: false });
    addSeasonal(campaigns, date, localMidnight);
  }
  // Several sends can share a day; readers binary-search these lists by time.
  for (const list of [campaigns.email, campaigns.push, campaigns.sms]) list.sort((a, b) => a.ts - b.ts);
  return campaigns;
}

function addSeasonal(campaigns: DemoCampaigns, date: Date, localMidnight: number): void {
  const year = date.getUTCFullYear();
  const today = Date.UTC(year, date.getUTCMonth(), date.getUTCDate());
  for (const seasonal of SEASONAL) {
    // Date.UTC rolls day overflow into the next month: Cyber Monday can fall on December 1.
    const day = seasonal.day === 'bf' ? blackFriday(year) + (seasonal.offset ?? 0) : seasonal.day;
    if (Date.UTC(year, seasonal.month, day) !== today) continue;
    const name = `${seasonal.name}_${year}`;
    const isSale = SALE_CAMPAIGNS.has(seasonal.name);
    if (seasonal.channels.includes('e')) campaigns.email.push({ name, ts: localMidnight + 9 * HOUR_MS, isSale });
    if (seasonal.channels.includes('p')) campaigns.push.push({ name, ts: localMidnight + 18 * HOUR_MS, isSale });
    if (seasonal.channels.includes('s')) campaigns.sms.push({ name, ts: localMidnight + 12 * HOUR_MS, isSale });
  }
}

/** Index of the first campaign at or after `ms` (the lists are sorted by time). */
export function firstCampaignAtOrAfter(list: readonly DemoCampaign[], ms: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.ts < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}
