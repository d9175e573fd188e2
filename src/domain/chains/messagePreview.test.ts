import { describe, expect, it } from 'vitest';
import { unknownConsents, type Customer } from '../model';
import { messageFieldValue, renderMessageFor } from './messagePreview';
import type { MessageNode } from './types';

const customer: Customer = {
  id: 'c-1',
  firstName: 'Анна',
  city: '',
  birthDate: '1990-05-17',
  signupAt: Date.UTC(2024, 2, 31, 22, 30),
  consents: unknownConsents(),
  attrs: { loyalty_level: 'gold', empty: '' },
};

function message(channel: MessageNode['channel'], subject: string, body: string, offer: MessageNode['offer'] = null) {
  return { channel, content: { subject, body }, offer };
}

describe('messageFieldValue', () => {
  it('reads profile fields, source columns and the offer', () => {
    expect(messageFieldValue(customer, 'firstName', null, 'UTC')).toBe('Анна');
    expect(messageFieldValue(customer, 'lastName', null, 'UTC')).toBeUndefined();
    expect(messageFieldValue(customer, 'birthDate', null, 'UTC')).toBe('1990-05-17');
    expect(messageFieldValue(customer, 'attrs.loyalty_level', null, 'UTC')).toBe('gold');
    expect(messageFieldValue(customer, 'attrs.missing', null, 'UTC')).toBeUndefined();
    expect(messageFieldValue(customer, 'offer.code', { type: 'discount_percent', value: 10, code: 'CART10' }, 'UTC')).toBe('CART10');
    expect(messageFieldValue(customer, 'offer.value', { type: 'discount_percent', value: 10, code: '' }, 'UTC')).toBe('10');
    expect(messageFieldValue(customer, 'offer.code', { type: 'gift', value: 0, code: '' }, 'UTC')).toBeUndefined();
    expect(messageFieldValue(customer, 'offer.code', null, 'UTC')).toBeUndefined();
  });

  it('gives the sign-up date as the local calendar day of the time zone', () => {
    expect(messageFieldValue(customer, 'signupAt', null, 'UTC')).toBe('2024-03-31');
    expect(messageFieldValue(customer, 'signupAt', null, 'Europe/Moscow')).toBe('2024-04-01');
  });
});

describe('renderMessageFor', () => {
  it('fills fields, uses fallbacks for missing and blank values, and lists what it did', () => {
    const rendered = renderMessageFor(message('email', '{{firstName|friend}}, your cart', 'Hi {{firstName}} from {{city|your city}}{{lastName}}! Level: {{attrs.empty|basic}}'), customer, 'UTC');
    expect(rendered.subject).toBe('Анна, your cart');
    expect(rendered.body).toBe('Hi Анна from your city! Level: basic');
    expect(rendered.fields).toEqual([
      { field: 'firstName', value: 'Анна', fallback: 'friend', shown: 'value' },
      { field: 'city', value: null, fallback: 'your city', shown: 'fallback' },
      { field: 'lastName', value: null, fallback: null, shown: 'nothing' },
      { field: 'attrs.empty', value: null, fallback: 'basic', shown: 'fallback' },
    ]);
  });

  it('says an offer field comes from the offer, not from the customer', () => {
    const rendered = renderMessageFor(message('sms', '', 'Use {{offer.code|WELCOME}} for {{offer.value}} % off'), customer, 'UTC');
    expect(rendered.body).toBe('Use WELCOME for  % off');
    expect(rendered.fields.map((field) => field.shown)).toEqual(['fallback', 'nothing']);
    const withOffer = renderMessageFor(message('sms', '', 'Use {{offer.code|WELCOME}} for {{offer.value}} % off', { type: 'discount_percent', value: 10, code: 'CART10' }), customer, 'UTC');
    expect(withOffer.body).toBe('Use CART10 for 10 % off');
    expect(withOffer.fields).toEqual([
      { field: 'offer.code', value: 'CART10', fallback: 'WELCOME', shown: 'offer' },
      { field: 'offer.value', value: '10', fallback: null, shown: 'offer' },
    ]);
  });

  it('has no subject for channels without one, and counts SMS parts of the rendered text', () => {
    const rendered = renderMessageFor(message('sms', 'ignored {{firstName}}', `${'x'.repeat(150)} {{firstName}}`), customer, 'UTC');
    expect(rendered.subject).toBe('');
    expect(rendered.fields.map((field) => field.field)).toEqual(['firstName']);
    expect(rendered.bodyLength).toBe(155);
    // Cyrillic in the name makes it UCS-2: 67 characters per part.
    expect(rendered.smsParts).toBe(3);
  });

  it('keeps hostile customer text as plain text, character for character', () => {
    const hostile: Customer = { ...customer, firstName: '<img src=x onerror=alert(1)>' };
    const rendered = renderMessageFor(message('email', 'Hi {{firstName}}', '{{firstName}}'), hostile, 'UTC');
    expect(rendered.subject).toBe('Hi <img src=x onerror=alert(1)>');
    expect(rendered.body).toBe('<img src=x onerror=alert(1)>');
  });
});
