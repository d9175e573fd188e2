import { describe, expect, it } from 'vitest';
import { buildTemplate, CHAIN_TEMPLATES, chainEventTypes, isValid, validateChain } from '../../../domain/chains';
import { audienceTimeFor, fitEventTypes } from './templateChoice';

const WORKSPACE_TYPES = [
  { name: 'Added to cart', count: 900 },
  { name: 'purchase', count: 400 },
  { name: 'page_view', count: 5000 },
];

describe('new chain from a template', () => {
  it('fits the template’s event types to the workspace’s names and says how', () => {
    const choice = fitEventTypes(buildTemplate('abandoned-cart', 'en'), WORKSPACE_TYPES, {});
    const cart = choice.eventTypes.find((item) => item.type === 'cart_add');
    expect(cart).toMatchObject({ to: 'Added to cart', how: 'alias' });
    expect(choice.eventTypes.find((item) => item.type === 'order')).toMatchObject({ to: 'purchase', how: 'alias' });
    expect(chainEventTypes(choice.chain)).toContain('Added to cart');
    expect(chainEventTypes(choice.chain)).not.toContain('cart_add');
  });

  it('flags what the data lacks, keeps the template’s name and counts it', () => {
    const choice = fitEventTypes(buildTemplate('welcome-series', 'ru'), WORKSPACE_TYPES, {});
    const missing = choice.eventTypes.filter((item) => item.how === null && !item.isProjected);
    expect(missing.map((item) => item.type)).toEqual(expect.arrayContaining(['subscribe', 'registration']));
    expect(choice.missing).toBe(missing.length);
    expect(chainEventTypes(choice.chain)).toEqual(expect.arrayContaining(['subscribe', 'registration']));
  });

  it('takes the user’s own choice over a match', () => {
    const choice = fitEventTypes(buildTemplate('abandoned-cart', 'en'), WORKSPACE_TYPES, { cart_add: 'page_view' });
    expect(choice.eventTypes.find((item) => item.type === 'cart_add')).toMatchObject({ to: 'page_view', how: 'chosen' });
  });

  it('builds every template as a chain without errors, in both languages, on an empty workspace', () => {
    for (const template of CHAIN_TEMPLATES) {
      for (const language of ['en', 'ru'] as const) {
        const choice = fitEventTypes(buildTemplate(template.id, language), [], {});
        expect(isValid(validateChain(choice.chain)), `${template.id} ${language}`).toBe(true);
        expect(choice.missing).toBe(choice.eventTypes.filter((item) => !item.isProjected).length);
      }
    }
  });

  it('sets a one-off send 30 days before the last event, 11:00 local', () => {
    // 2026-10-31 22:30 UTC is already 1 November in Moscow.
    expect(audienceTimeFor(Date.UTC(2026, 9, 31, 22, 30), 'Europe/Moscow')).toBe('2026-10-02T11:00');
    expect(audienceTimeFor(null, 'UTC')).toBeUndefined();
  });
});
