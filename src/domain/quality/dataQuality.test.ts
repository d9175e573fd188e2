import { describe, expect, it } from 'vitest';
import { buildCustomerBlocks } from '../columnar/customerBlock';
import { buildEventBlocks } from '../columnar/eventBlock';
import { unknownConsents, type Customer } from '../model/customer';
import { computeDataQuality } from './dataQuality';

function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return { id, consents: unknownConsents(), attrs: {}, ...extra };
}

describe('computeDataQuality', () => {
  const customers = buildCustomerBlocks([
    customer('c1', { email: 'a@b.ru', phone: '+79161234567', birthDate: '1990-04-01', gender: 'female', consents: { ...unknownConsents(), email: true, sms: false }, attrs: { tier: 'gold' } }),
    customer('c2', { email: 'a@b.ru', phone: '12345', birthDate: '2200-01-01', gender: 'm', consents: { ...unknownConsents(), email: true, sms: true }, attrs: { tier: 'gold' } }),
    customer('c3', { firstName: 'Ольга', consents: { ...unknownConsents(), email: false } }),
    customer('c4'),
  ]);
  const events = buildEventBlocks([
    { customer: 0, type: 0, ts: Date.parse('2025-01-31T22:30:00Z'), amount: 100, props: { channel: 'web' } },
    { customer: 0, type: 0, ts: Date.parse('2025-03-05T10:00:00Z'), props: { channel: 'web' } },
    { customer: 1, type: 1, ts: Date.parse('2025-02-10T10:00:00Z'), props: { page: '/x' } },
    { customer: 3, type: 1, ts: Date.parse('2025-03-10T10:00:00Z'), props: {} },
  ]);
  const report = computeDataQuality(customers, events, ['order', 'page_view'], 'Europe/Moscow', '2026-01-01');

  it('counts filled, distinct and invalid values per customer field', () => {
    const field = (name: string) => report.customerFields.find((f) => f.name === name)!;
    expect(report.customers).toBe(4);
    expect(field('email')).toEqual({ name: 'email', filled: 2, distinct: 1, top: [{ value: 'a@b.ru', count: 2 }], invalid: 0 });
    expect(field('phone')).toMatchObject({ filled: 2, invalid: 1 });
    expect(field('birthDate')).toMatchObject({ filled: 2, invalid: 1 });
    expect(field('gender')).toMatchObject({ filled: 2, invalid: 1 });
    expect(field('city')).toMatchObject({ filled: 0, invalid: null });
    expect(report.attributes).toEqual([{ name: 'tier', filled: 2, distinct: 1, top: [{ value: 'gold', count: 2 }], invalid: null }]);
  });

  it('says who is reachable on each channel: a contact and a yes', () => {
    const channel = (name: string) => report.channels.find((c) => c.channel === name)!;
    expect(channel('email')).toEqual({ channel: 'email', contact: 2, consentYes: 2, consentNo: 1, consentUnknown: 1, reachable: 2 });
    expect(channel('sms')).toEqual({ channel: 'sms', contact: 2, consentYes: 1, consentNo: 1, consentUnknown: 2, reachable: 1 });
    expect(report.withoutContact).toBe(2);
    expect(report.idOnly).toBe(1);
  });

  it('gives the date range, types and months in the workspace time zone', () => {
    expect(report.events).toBe(4);
    expect([report.firstDay, report.lastDay]).toEqual(['2025-02-01', '2025-03-10']);
    expect(report.months).toEqual(['2025-02', '2025-03']);
    expect(report.perMonth).toEqual({ order: [1, 1], page_view: [1, 1] });
    expect(report.eventTypes).toEqual([
      { type: 'order', count: 2, customers: 1 },
      { type: 'page_view', count: 2, customers: 2 },
    ]);
    expect(report.customersWithOrders).toBe(1);
    expect(report.ordersWithoutAmount).toBe(1);
    expect(report.props.map((p) => [p.name, p.filled, p.distinct])).toEqual([
      ['channel', 2, 1],
      ['page', 1, 1],
    ]);
  });
});

describe('qualityFindings', () => {
  it('points at sparse and invalid contacts, unknown consents and thin data', async () => {
    const { qualityFindings } = await import('./dataQuality');
    const customers = buildCustomerBlocks([customer('c1', { email: 'a@b.ru' }), customer('c2', { phone: '123' }), customer('c3')]);
    const events = buildEventBlocks([{ customer: 0, type: 0, ts: 1, props: {} }]);
    const findings = qualityFindings(computeDataQuality(customers, events, ['order'], 'UTC', '2026-01-01'));
    expect(findings.map((f) => [f.code, f.params])).toEqual([
      ['fieldSparse', { field: 'email', count: 1, share: 1 / 3 }],
      ['fieldSparse', { field: 'phone', count: 1, share: 1 / 3 }],
      ['fieldInvalid', { field: 'phone', count: 1, share: 1 }],
      ['consentUnknown', { channel: 'email', count: 3, share: 1 }],
      ['notReachable', { channel: 'email', count: 0, share: 0 }],
      ['consentUnknown', { channel: 'sms', count: 3, share: 1 }],
      ['notReachable', { channel: 'sms', count: 0, share: 0 }],
      ['consentUnknown', { channel: 'whatsapp', count: 3, share: 1 }],
      ['notReachable', { channel: 'whatsapp', count: 0, share: 0 }],
      ['withoutContact', { count: 1, share: 1 / 3 }],
      ['idOnly', { count: 1, share: 1 / 3 }],
      ['ordersWithoutAmount', { count: 1 }],
    ]);
  });
});

describe('a dominant customer', () => {
  function ordersOf(counts: readonly number[]) {
    const customers = buildCustomerBlocks(counts.map((_, i) => customer(i === 0 ? 'GUEST' : `c${i}`)));
    const rows = counts.flatMap((count, index) => Array.from({ length: count }, (_, n) => ({ customer: index, type: 0, ts: Date.parse('2025-01-01T00:00:00Z') + n * 86_400_000, amount: 10, props: {} })));
    return computeDataQuality(customers, buildEventBlocks(rows), ['order'], 'UTC', '2026-01-01');
  }

  it('is flagged when one customer holds an implausible share of all orders', async () => {
    const { qualityFindings } = await import('./dataQuality');
    const report = ordersOf([60, ...Array.from({ length: 24 }, () => 2)]);
    expect(report.dominantCustomer).toEqual({ id: 'GUEST', orders: 60, totalOrders: 108, share: 60 / 108 });
    expect(qualityFindings(report).find((finding) => finding.code === 'dominantCustomer')?.params).toEqual({ customer: 'GUEST', orders: 60, total: 108, percent: 55.6 });
  });

  it('is not flagged among few buyers or when the biggest buyer is ordinary', () => {
    expect(ordersOf([60, ...Array.from({ length: 10 }, () => 2)]).dominantCustomer).toBeNull();
    expect(ordersOf(Array.from({ length: 40 }, () => 3)).dominantCustomer).toBeNull();
  });
});
