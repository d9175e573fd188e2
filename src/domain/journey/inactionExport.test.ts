import { describe, expect, it } from 'vitest';
import { buildCustomerBlocks } from '../columnar';
import { unknownConsents, type Customer } from '../model';
import { defaultInactionSettings } from './inaction';
import { inactionCsv, inactionRows } from './inactionExport';
import { at, ev, startOf, testJourney } from './testing';

function customer(id: string, fields: Partial<Customer> = {}): Customer {
  return { id, consents: unknownConsents(), attrs: {}, ...fields };
}

describe('inaction list rows and CSV', () => {
  const events = [
    ev('c1', 'order', at(10), {}, 5),
    ev('c2', 'order', at(20), {}, 5),
    ev('c3', 'order', at(30), {}, 5), ev('c3', 'order', at(31), {}, 5),
  ];
  const journey = testJourney(events, { ids: ['c1', 'c2', 'c3'] });
  const blocks = buildCustomerBlocks([
    customer('c1', { firstName: '=HYPERLINK("http://x")', lastName: 'Smith', email: 'a@example.com', phone: '+79161234567' }),
    customer('c2', { firstName: 'Анна', lastName: 'Иванова, мл.' }),
    customer('c3'),
  ]);
  const asOf = { date: '2026-04-11', at: startOf(100) };

  it('pages through the list with the customer, stage, status and days', () => {
    const page = inactionRows(journey.index, blocks, 'one_order_no_repeat', asOf, defaultInactionSettings(), 0, 1);
    expect(page.total).toBe(2);
    expect(page.rows).toEqual([
      { index: 1, id: 'c2', name: 'Анна Иванова, мл.', email: '', phone: '', stageId: 'purchase', lifecycle: 'active', orders: 1, since: at(20), days: 80 },
    ]);
    expect(inactionRows(journey.index, blocks, 'one_order_no_repeat', asOf, defaultInactionSettings(), 1, 1).rows[0]!.id).toBe('c1');
  });

  it('writes every customer of the list, quoting and neutralising formulas', () => {
    const csv = inactionCsv(journey.index, blocks, 'one_order_no_repeat', asOf, defaultInactionSettings(), ['A', 'I', 'C', 'Bought', 'R', 'Adv']);
    expect(csv.fileName).toBe('chainlab-one-order-no-repeat-2026-04-11.csv');
    expect(csv.rows).toBe(2);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text.slice(1).split('\n')).toEqual([
      'customer_id,name,email,phone,stage,stage_name,lifecycle_status,orders,first_order_date,days_since',
      'c2,"Анна Иванова, мл.",,,purchase,Bought,active,1,2026-01-21,80',
      `c1,"'=HYPERLINK(""http://x"") Smith",a@example.com,+79161234567,purchase,Bought,active,1,2026-01-11,90`,
      '',
    ]);
  });
});
