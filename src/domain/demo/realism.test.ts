import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TYPES, type CrmEvent } from '../model';
import { DEFAULT_DEMO_OPTIONS } from './context';
import { generateDemoCustomers, type DemoCustomer } from './generator';
import { EN_FEMALE_NAMES, RU_FEMALE_NAMES } from './names';
import { DEMO_PROFILES, PROFILE_SPECS } from './profiles';

/** Realism of the default demo data set, in numbers a CRM marketer would recognise. */
let demos: DemoCustomer[] = [];
let events: CrmEvent[] = [];
let orders: CrmEvent[] = [];

const DAY = 86_400_000;
const MOSCOW = 3 * 3_600_000;

beforeAll(() => {
  demos = [...generateDemoCustomers(DEFAULT_DEMO_OPTIONS)];
  events = demos.flatMap((demo) => demo.events);
  orders = events.filter((event) => event.type === 'order');
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function share(count: number, total: number): number {
  return count / total;
}

function ordersOf(demo: DemoCustomer): CrmEvent[] {
  return demo.events.filter((event) => event.type === 'order');
}

function moscowDate(ts: number): string {
  return new Date(ts + MOSCOW).toISOString().slice(0, 10);
}

function ordersPerDay(from: string, to: string): number {
  const count = orders.filter((order) => moscowDate(order.ts) >= from && moscowDate(order.ts) <= to).length;
  return count / (Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1);
}

describe('demo data volume and profiles', () => {
  it('has 40–120 events per customer on average', () => {
    expect(events.length / demos.length).toBeGreaterThan(40);
    expect(events.length / demos.length).toBeLessThan(120);
  });

  it('assigns profiles in their configured shares (±3 points)', () => {
    for (const profile of DEMO_PROFILES) {
      const count = demos.filter((demo) => demo.customer.attrs.demo_profile === profile).length;
      expect(Math.abs(share(count, demos.length) - PROFILE_SPECS[profile].share)).toBeLessThan(0.03);
    }
  });

  it('uses every default event type and no other', () => {
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual([...DEFAULT_EVENT_TYPES].sort());
  });

  it('behaves by profile: prospects never buy, churned go silent, window shoppers rarely buy', () => {
    const byProfile = (profile: string) => demos.filter((demo) => demo.customer.attrs.demo_profile === profile);
    expect(byProfile('prospect').every((demo) => ordersOf(demo).length === 0)).toBe(true);
    const lastDay = Math.max(...events.map((event) => event.ts));
    for (const demo of byProfile('churned')) {
      const lastOrder = Math.max(...ordersOf(demo).map((order) => order.ts), 0);
      expect(lastOrder).toBeLessThan(lastDay - 90 * DAY);
    }
    const shoppers = byProfile('window_shopper');
    const buying = shoppers.filter((demo) => ordersOf(demo).length > 0).length;
    expect(share(buying, shoppers.length)).toBeLessThan(0.3);
    const shopperViews = shoppers.flatMap((demo) => demo.events).filter((event) => event.type === 'product_view').length;
    expect(shopperViews / shoppers.length).toBeGreaterThan(15);
    const loyal = byProfile('loyal');
    expect(median(loyal.map((demo) => ordersOf(demo).length))).toBeGreaterThanOrEqual(5);
  });
});

describe('demo orders', () => {
  it('has a plausible repeat-purchase rate among buyers (25–60 %)', () => {
    const buyers = demos.filter((demo) => ordersOf(demo).length > 0);
    const repeaters = buyers.filter((demo) => ordersOf(demo).length > 1);
    expect(share(buyers.length, demos.length)).toBeGreaterThan(0.5);
    expect(share(repeaters.length, buyers.length)).toBeGreaterThan(0.25);
    expect(share(repeaters.length, buyers.length)).toBeLessThan(0.6);
  });

  it('abandons 55–80 % of carts (no order within a day of the cart_add)', () => {
    let carts = 0;
    let abandoned = 0;
    for (const demo of demos) {
      const orderTimes = ordersOf(demo).map((order) => order.ts);
      for (const event of demo.events) {
        if (event.type !== 'cart_add') continue;
        carts++;
        if (!orderTimes.some((ts) => ts > event.ts && ts <= event.ts + DAY)) abandoned++;
      }
    }
    expect(share(abandoned, carts)).toBeGreaterThan(0.55);
    expect(share(abandoned, carts)).toBeLessThan(0.8);
  });

  it('has a median order of 2 500–5 000 ₽, big spenders above 20 000 ₽, bargain hunters below the median', () => {
    const overall = median(orders.map((order) => order.amount!));
    expect(overall).toBeGreaterThan(2500);
    expect(overall).toBeLessThan(5000);
    const amountsOf = (profile: string) =>
      demos.filter((demo) => demo.customer.attrs.demo_profile === profile).flatMap(ordersOf).map((order) => order.amount!);
    expect(median(amountsOf('big_spender'))).toBeGreaterThan(20_000);
    expect(median(amountsOf('bargain_hunter'))).toBeLessThan(overall);
    for (const order of orders) {
      expect(order.amount).toBeGreaterThan(0);
      expect(Math.round(order.amount! * 100) / 100).toBe(order.amount);
    }
  });

  it('gives bargain hunters discounts on most orders, others on a minority', () => {
    const discountShare = (profile: string) => {
      const list = demos.filter((demo) => demo.customer.attrs.demo_profile === profile).flatMap(ordersOf);
      return share(list.filter((order) => Number(order.props.discount) > 0).length, list.length);
    };
    expect(discountShare('bargain_hunter')).toBeGreaterThan(0.8);
    expect(discountShare('loyal')).toBeLessThan(0.5);
  });

  it('has unique order ids and returns that point to an earlier order of the same customer', () => {
    const ids = new Set(orders.map((order) => order.props.order_id));
    expect(ids.size).toBe(orders.length);
    const returns = events.filter((event) => event.type === 'return');
    expect(share(returns.length, orders.length)).toBeGreaterThan(0.04);
    expect(share(returns.length, orders.length)).toBeLessThan(0.15);
    const byId = new Map(orders.map((order) => [order.props.order_id, order]));
    for (const returned of returns) {
      const order = byId.get(returned.props.order_id)!;
      expect(order.customerId).toBe(returned.customerId);
      expect(returned.ts).toBeGreaterThan(order.ts);
      expect(returned.amount).toBeGreaterThan(0);
      expect(returned.amount).toBeLessThanOrEqual(order.amount!);
    }
  });

  it('only orders and returns carry an amount', () => {
    const withAmount = new Set(events.filter((event) => event.amount !== undefined).map((event) => event.type));
    expect([...withAmount].sort()).toEqual(['order', 'return']);
  });
});

describe('demo seasonality and time of day', () => {
  it('sells more per day in November–December than in summer', () => {
    const peak = ordersPerDay('2025-11-01', '2025-12-31');
    const summer = ordersPerDay('2026-06-01', '2026-08-31');
    expect(peak).toBeGreaterThan(summer * 1.3);
  });

  it('has a Black Friday spike and gift bumps before February 23 and March 8', () => {
    const november = ordersPerDay('2025-11-01', '2025-11-30');
    expect(ordersPerDay('2025-11-28', '2025-11-28')).toBeGreaterThan(november * 1.5);
    const april = ordersPerDay('2026-04-01', '2026-04-30');
    expect(ordersPerDay('2026-03-02', '2026-03-07')).toBeGreaterThan(april * 1.2);
    expect(ordersPerDay('2026-02-18', '2026-02-22')).toBeGreaterThan(april * 1.1);
  });

  it('peaks in the evening and is quiet at night (Moscow time)', () => {
    const visits = events.filter((event) => event.type === 'page_view' || event.type === 'app_open');
    const hour = (event: CrmEvent) => new Date(event.ts + MOSCOW).getUTCHours();
    expect(share(visits.filter((event) => hour(event) >= 18 && hour(event) <= 22).length, visits.length)).toBeGreaterThan(0.3);
    expect(share(visits.filter((event) => hour(event) >= 2 && hour(event) <= 5).length, visits.length)).toBeLessThan(0.04);
  });
});

describe('demo customers', () => {
  it('never has consent for a channel without its contact', () => {
    for (const { customer } of demos) {
      if (!customer.email) expect(customer.consents.email).not.toBe(true);
      if (!customer.phone) {
        expect(customer.consents.sms).not.toBe(true);
        expect(customer.consents.whatsapp).not.toBe(true);
      }
      if (!customer.pushToken) expect(customer.consents.push).not.toBe(true);
      if (!customer.telegramId) expect(customer.consents.telegram).not.toBe(true);
    }
  });

  it('has realistic contact and consent shares', () => {
    const count = (predicate: (demo: DemoCustomer) => boolean) => share(demos.filter(predicate).length, demos.length);
    expect(count((demo) => !demo.customer.email)).toBeGreaterThan(0.03);
    expect(count((demo) => !demo.customer.email)).toBeLessThan(0.2);
    expect(count((demo) => !demo.customer.phone)).toBeGreaterThan(0.05);
    expect(count((demo) => demo.customer.consents.email === true)).toBeGreaterThan(0.55);
    expect(count((demo) => demo.customer.consents.email === null)).toBeGreaterThan(0.1);
    expect(count((demo) => demo.customer.pushToken !== undefined)).toBeGreaterThan(0.25);
    expect(count((demo) => demo.customer.telegramId !== undefined)).toBeGreaterThan(0.08);
  });

  it('writes unique, well-formed contacts', () => {
    const emails = demos.map((demo) => demo.customer.email).filter((email) => email !== undefined);
    const phones = demos.map((demo) => demo.customer.phone).filter((phone) => phone !== undefined);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(phones).size).toBe(phones.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9._]+@[a-z]+(\.[a-z]+)+$/);
    for (const phone of phones) expect(phone).toMatch(/^\+79\d{9}$/);
    const domains = new Set(emails.map((email) => email.split('@')[1]));
    expect(domains).toContain('mail.ru');
    expect(domains).toContain('yandex.ru');
    expect(domains).toContain('gmail.com');
  });

  it('has mostly Cyrillic and some Latin names, gender matching the first name', () => {
    const cyrillic = demos.filter((demo) => /^[А-ЯЁ]/.test(demo.customer.firstName!)).length;
    expect(share(cyrillic, demos.length)).toBeGreaterThan(0.72);
    expect(share(cyrillic, demos.length)).toBeLessThan(0.88);
    const female = new Set<string>([...RU_FEMALE_NAMES, ...EN_FEMALE_NAMES]);
    for (const { customer } of demos) {
      expect(customer.gender).toBe(female.has(customer.firstName!) ? 'female' : 'male');
      if (customer.gender === 'female' && /ов$|ев$|ин$/.test(customer.lastName!)) throw new Error(`${customer.lastName} is masculine`);
    }
  });

  it('has birth dates for most, signup before the first event, registration at signup', () => {
    expect(share(demos.filter((demo) => demo.customer.birthDate).length, demos.length)).toBeGreaterThan(0.6);
    for (const { customer, events: history } of demos) {
      if (customer.birthDate) expect(customer.birthDate).toMatch(/^(19[4-9]\d|200\d)-\d\d-\d\d$/);
      const registration = history.find((event) => event.type === 'registration');
      if (registration) expect(registration.ts).toBe(customer.signupAt);
      if (history[0]) expect(customer.signupAt).toBeLessThanOrEqual(history[0].ts);
    }
  });

  it('keeps e-mail consent in line with subscribe and unsubscribe events', () => {
    for (const { customer, events: history } of demos) {
      const last = history.filter((event) => event.type === 'subscribe' || event.type === 'unsubscribe').at(-1);
      if (last?.type === 'unsubscribe') expect(customer.consents.email).toBe(false);
      if (last?.type === 'subscribe') expect(customer.consents.email).toBe(true);
      if (customer.consents.email !== true) {
        const lastUnsubscribe = last?.type === 'unsubscribe' ? last.ts : -Infinity;
        expect(history.some((event) => event.type === 'email_open' && event.ts > lastUnsubscribe + DAY * 30)).toBe(false);
      }
    }
  });

  it('has open and click rates like real newsletters', () => {
    const opens = events.filter((event) => event.type === 'email_open').length;
    const clicks = events.filter((event) => event.type === 'email_click').length;
    expect(share(clicks, opens)).toBeGreaterThan(0.05);
    expect(share(clicks, opens)).toBeLessThan(0.3);
    const scores = events.filter((event) => event.type === 'nps').map((event) => Number(event.props.score));
    expect(scores.every((score) => Number.isInteger(score) && score >= 0 && score <= 10)).toBe(true);
  });
});
