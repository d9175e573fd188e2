import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessageFor } from '../../../domain/chains/messagePreview';
import { MESSAGE_CHANNELS } from '../../../domain/chains/types';
import { unknownConsents, type Customer } from '../../../domain/model';
import { MessageLook } from './MessageLook';

const HOSTILE = '<img src=x onerror=alert(1)>';

const customer: Customer = {
  id: '"><script>alert(2)</script>',
  firstName: HOSTILE,
  email: '<b>mail@example.com</b>',
  phone: '+79990000000',
  consents: unknownConsents(),
  attrs: { note: '<a href="javascript:alert(3)">x</a>' },
};

describe('MessageLook', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: {} } } });
  });

  it.each(MESSAGE_CHANNELS)('shows hostile customer text on %s as text, never as markup', (channel) => {
    const node = { channel, content: { subject: 'Hi {{firstName}}', body: '{{firstName}} {{attrs.note}} {{lastName|friend}}' }, offer: null };
    const html = renderToStaticMarkup(createElement(MessageLook, { channel, message: renderMessageFor(node, customer, 'UTC'), customer }));
    expect(html).not.toMatch(/<img|<script|<a |<b>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt;');
    expect(html).toContain('friend');
  });
});
