import type { ConsentChannel, CustomerTextField } from '../model';
import type { LocalizedText } from '../text';
import type { MessageChannel, MessageNode, ResponseRates } from './types';

/**
 * What each channel needs and what it is assumed to do. The simulator's guards read
 * CHANNEL_CONSENT and CHANNEL_CONTACT (simulation.md "Guards"); the projection reads the
 * response defaults. In-app messages need neither consent nor a contact: they are shown inside
 * the app to whoever opens it, which the delivered rate stands for.
 */
export const CHANNEL_NAMES: Record<MessageChannel, LocalizedText> = {
  email: { en: 'Email', ru: 'Email' },
  sms: { en: 'SMS', ru: 'SMS' },
  push: { en: 'Push', ru: 'Push' },
  whatsapp: { en: 'WhatsApp', ru: 'WhatsApp' },
  telegram: { en: 'Telegram', ru: 'Telegram' },
  in_app: { en: 'In-app', ru: 'In-app' },
};

export const CHANNEL_CONSENT: Record<MessageChannel, ConsentChannel | null> = {
  email: 'email',
  sms: 'sms',
  push: 'push',
  whatsapp: 'whatsapp',
  telegram: 'telegram',
  in_app: null,
};

export const CHANNEL_CONTACT: Record<MessageChannel, CustomerTextField | null> = {
  email: 'email',
  sms: 'phone',
  push: 'pushToken',
  whatsapp: 'phone',
  telegram: 'telegramId',
  in_app: null,
};

/** Channels whose messages have a subject / title line. */
export const CHANNELS_WITH_SUBJECT: readonly MessageChannel[] = ['email', 'push', 'in_app'];

export function hasSubject(channel: MessageChannel | null): boolean {
  return channel !== null && CHANNELS_WITH_SUBJECT.includes(channel);
}

/**
 * Default response assumptions (fractions of the previous step, see ResponseRates): rough
 * public e-commerce benchmarks for Russia and Europe — email opens ~20 %, CTOR ~10 %; SMS and
 * messengers are read but not tracked for opens (opened = 1). They are a starting point that
 * every message node can override; results always say they rest on them.
 */
export const CHANNEL_DEFAULT_RESPONSES: Record<MessageChannel, ResponseRates> = {
  email: { delivered: 0.98, opened: 0.22, clicked: 0.12, converted: 0.08, unsubscribed: 0.002 },
  sms: { delivered: 0.97, opened: 1, clicked: 0.05, converted: 0.1, unsubscribed: 0.004 },
  push: { delivered: 0.85, opened: 0.06, clicked: 1, converted: 0.08, unsubscribed: 0.003 },
  whatsapp: { delivered: 0.95, opened: 1, clicked: 0.15, converted: 0.1, unsubscribed: 0.005 },
  telegram: { delivered: 0.95, opened: 1, clicked: 0.12, converted: 0.08, unsubscribed: 0.004 },
  in_app: { delivered: 0.5, opened: 1, clicked: 0.08, converted: 0.1, unsubscribed: 0 },
};

/** Default cost of one message, in the workspace's money (roubles-scale: an SMS costs a few, an email a fraction). */
export const CHANNEL_DEFAULT_COST: Record<MessageChannel, number> = {
  email: 0.1,
  sms: 3,
  push: 0,
  whatsapp: 4,
  telegram: 0,
  in_app: 0,
};

/** The rates a message's projection uses: its own, else its channel's defaults; null without a channel. */
export function effectiveResponses(node: Pick<MessageNode, 'channel' | 'responses'>): ResponseRates | null {
  if (node.responses) return node.responses;
  return node.channel ? CHANNEL_DEFAULT_RESPONSES[node.channel] : null;
}

/**
 * The event types a response on each channel is recorded as — in real data (the default event
 * vocabulary: email_open, email_click, push_open, sms_click) and in the projection's synthetic
 * events, so a filter "did email_open since entering" reacts to both. `opened` is null where the
 * channel has no open tracking. Conversions are `order` events (ORDER_EVENT), unsubscribes
 * `unsubscribe` (UNSUBSCRIBE_EVENT of journey/inaction).
 */
export const CHANNEL_RESPONSE_EVENTS: Record<MessageChannel, { opened: string | null; clicked: string }> = {
  email: { opened: 'email_open', clicked: 'email_click' },
  sms: { opened: null, clicked: 'sms_click' },
  push: { opened: 'push_open', clicked: 'push_click' },
  whatsapp: { opened: 'whatsapp_read', clicked: 'whatsapp_click' },
  telegram: { opened: 'telegram_read', clicked: 'telegram_click' },
  in_app: { opened: 'in_app_view', clicked: 'in_app_click' },
};
