import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../chains';
import { everyOptionChain, workedExampleChain } from '../chains/testing';
import { JOURNEY_PROPS } from '../journey';
import { propsReadByChains } from './readProps';

describe('the event props a run can read', () => {
  it('are the journey props when no condition names a prop', () => {
    expect([...propsReadByChains([workedExampleChain()])].sort()).toEqual([...JOURNEY_PROPS].sort());
  });

  it('add every prop a trigger, filter or category-spend condition names, however deep', () => {
    const keys = propsReadByChains([everyOptionChain(), buildTemplate('abandoned-cart', 'en')]);
    // the every-option chain tests `category` on its event trigger and `campaign` inside an event-count filter
    for (const key of ['category', 'campaign', ...JOURNEY_PROPS]) expect(keys.has(key), key).toBe(true);
    expect(keys.has('order_id')).toBe(false);
  });

  it('find a category-spend condition by its key', () => {
    const chain = workedExampleChain();
    const filter = chain.nodes.find((node) => node.kind === 'filter')!;
    if (filter.kind !== 'filter') throw new Error('the worked example has a filter');
    filter.condition = { type: 'group', op: 'and', items: [{ type: 'categorySpend', key: 'department', values: ['shoes'], compare: { op: 'gte', value: 1 }, days: 30 }] };
    expect(propsReadByChains([chain]).has('department')).toBe(true);
  });
});
