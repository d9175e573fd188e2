import { describe, expect, it } from 'vitest';
import { messageFields, parseMessageText, renderMessageText } from './messageText';

describe('message text fields', () => {
  const customer: Record<string, string> = { firstName: 'Анна', city: '', 'attrs.tier': 'gold', 'offer.code': 'CART10' };
  const valueOf = (field: string) => customer[field];

  it('fills fields and uses the fallback for missing or blank values', () => {
    expect(renderMessageText('{{firstName|друг}}, скидка {{ offer.code }} для {{city | вашего города}}!', valueOf)).toBe('Анна, скидка CART10 для вашего города!');
    expect(renderMessageText('Hi {{lastName}}.', valueOf)).toBe('Hi .');
    expect(renderMessageText('Tier: {{attrs.tier|none}}', valueOf)).toBe('Tier: gold');
    expect(renderMessageText('<b>{{firstName}}</b> {{ not closed', valueOf)).toBe('<b>Анна</b> {{ not closed');
  });

  it('lists fields and whether they have a fallback', () => {
    expect(messageFields('{{firstName}} {{firstName|друг}} {{city}}')).toEqual([
      { field: 'firstName', hasFallback: true },
      { field: 'city', hasFallback: false },
    ]);
  });

  it('reports malformed fields with their position', () => {
    expect(parseMessageText('a {{}} b {{bad name}} c {{x|fallback}').problems.map((problem) => [problem.code, problem.start])).toEqual([
      ['empty_field', 2],
      ['bad_field', 9],
      ['unclosed', 24],
    ]);
  });
});
