import { describe, expect, it } from 'vitest';
import { validateCondition } from '../conditions/validate';
import { conditionGroupSchema } from '../conditions/schema';
import { defaultSimulationSettings } from '../simulation/settings';
import { testData, type TestCustomer, type TestEvent } from '../simulation/testing';
import { evaluateAudience, prepareAudienceData } from './evaluate';
import { READY_MADE_AUDIENCE_IDS, readyMadeAudiences, readyMadeContext, type ReadyMadeAudienceId } from './readyMade';

const settings = defaultSimulationSettings('2025-01-01', '2025-03-31', 'Europe/Moscow');
const customers: TestCustomer[] = [
  { id: 'once', email: 'once@example.com', consents: { email: true }, birthDate: '1990-03-15' },
  { id: 'cart', email: 'cart@example.com', birthDate: '1985-12-03' },
  { id: 'silent', email: 'silent@example.com', consents: { email: true } },
  { id: 'sub', email: 'sub@example.com', consents: { email: true } },
  { id: 'shoes', email: 'shoes@example.com' },
];
const history: TestEvent[] = [
  { customer: 'once', type: 'order', at: '2025-02-01T10:00:00Z', amount: 1000, props: { category: 'Одежда' } },
  { customer: 'cart', type: 'order', at: '2025-03-10T10:00:00Z', amount: 900, props: { category: 'Одежда' } },
  { customer: 'cart', type: 'cart_add', at: '2025-03-28T10:00:00Z' },
  { customer: 'silent', type: 'app_open', at: '2025-03-20T10:00:00Z' },
  { customer: 'shoes', type: 'order', at: '2025-03-10T10:00:00Z', amount: 500, props: { category: 'Обувь' } },
  { customer: 'shoes', type: 'order', at: '2025-03-30T10:00:00Z', amount: 700, props: { category: 'Одежда' } },
  { customer: 'sub', type: 'email_open', at: '2025-03-31T10:00:00Z' },
];
const vocabulary = {
  eventTypes: [{ name: 'order', count: 4 }, { name: 'app_open', count: 1 }, { name: 'cart_add', count: 1 }],
  eventProps: [{ name: 'category', count: 4, values: [{ value: 'Одежда', count: 3 }, { value: 'Обувь', count: 1 }] }],
};

function membersOf(id: ReadyMadeAudienceId): string[] {
  const audience = readyMadeAudiences(readyMadeContext(vocabulary, '2025-03-31')).find((item) => item.id === id)!;
  const result = evaluateAudience(prepareAudienceData(testData(customers, history), settings, Date.parse('2026-01-01T00:00:00Z')), audience.condition, { asOf: '2025-03-31' });
  return customers.filter((_customer, index) => result.members[index] === 1).map((customer) => customer.id);
}

describe('the ready-made audiences of the textbook', () => {
  it('are complete, valid conditions with a name and a sentence in both languages', () => {
    const list = readyMadeAudiences(readyMadeContext(vocabulary, '2025-03-31'));
    expect(list.map((item) => item.id)).toEqual([...READY_MADE_AUDIENCE_IDS]);
    for (const item of list) {
      expect(validateCondition(item.condition, { isInChain: false })).toEqual([]);
      expect(conditionGroupSchema.safeParse(item.condition).success).toBe(true);
      for (const text of [item.name.en, item.name.ru, item.description.en, item.description.ru]) expect(text.length).toBeGreaterThan(5);
    }
  });

  it('keep whom the textbook means, on a hand-made shop as of 31 March', () => {
    expect(membersOf('oneTimeBuyers')).toEqual(['once']);
    expect(membersOf('cartAbandoners')).toEqual(['cart']);
    expect(membersOf('emailSilentAppActive')).toEqual(['silent']);
    expect(membersOf('subscribersNeverBought')).toEqual(['silent', 'sub']);
    // bought Одежда (the top category) this year and never Обувь (the second)
    expect(membersOf('categoryCrossSell')).toEqual(['once', 'cart']);
    expect(membersOf('birthdayThisMonth')).toEqual(['once']);
  });

  it('take the workspace names: the category prop and an app event the data has, the month of the as-of day', () => {
    const context = readyMadeContext({ eventTypes: [{ name: 'session_start', count: 3 }], eventProps: [{ name: 'product_category', count: 2, values: [{ value: 'Sport', count: 2 }] }] }, '2025-12-04');
    expect(context).toEqual({ eventTypes: ['session_start'], category: { key: 'product_category', values: ['Sport'] }, month: 12 });
    const list = readyMadeAudiences(context);
    expect(JSON.stringify(list.find((item) => item.id === 'emailSilentAppActive')!.condition)).toContain('session_start');
    expect(list.find((item) => item.id === 'birthdayThisMonth')!.name).toEqual({ en: 'Birthday in December', ru: 'День рождения в декабре' });
    // one category only: the cross-sell target is left for the marketer to choose
    expect(list.find((item) => item.id === 'categoryCrossSell')!.condition.items).toHaveLength(1);
  });
});
