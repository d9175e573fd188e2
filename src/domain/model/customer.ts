/** Channels a customer can be reached on and can consent to. */
export const CONSENT_CHANNELS = ['email', 'sms', 'push', 'whatsapp', 'telegram'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The channel an `unsubscribe` event withdraws consent for: its `channel` prop, else email (the commonest). */
export function unsubscribedChannel(channelProp: string | undefined): ConsentChannel {
  const channel = channelProp?.trim().toLowerCase() ?? '';
  return (CONSENT_CHANNELS as readonly string[]).includes(channel) ? (channel as ConsentChannel) : 'email';
}

/** true = opted in, false = opted out, null = unknown (never asked or not in the data). */
export type ConsentValue = boolean | null;
export type Consents = Record<ConsentChannel, ConsentValue>;

/** Profile fields stored as text columns, in display order. */
export const CUSTOMER_TEXT_FIELDS = [
  'email',
  'phone',
  'telegramId',
  'pushToken',
  'firstName',
  'lastName',
  'city',
  'gender',
  'birthDate',
] as const;
export type CustomerTextField = (typeof CUSTOMER_TEXT_FIELDS)[number];

/** The contact each consent channel needs: email → email, SMS and WhatsApp → phone, push → push token, Telegram → Telegram id. */
export const CONSENT_CHANNEL_CONTACT: Record<ConsentChannel, CustomerTextField> = {
  email: 'email',
  sms: 'phone',
  push: 'pushToken',
  whatsapp: 'phone',
  telegram: 'telegramId',
};

/**
 * The canonical customer (data-model.md). `id` is the external key from the source, as text.
 * `birthDate` is a calendar date `YYYY-MM-DD` (no time zone); `signupAt` an instant in ms UTC.
 * `attrs` keeps every other source column as imported: nothing is dropped silently.
 */
export interface Customer {
  id: string;
  email?: string;
  /** E.164, e.g. +79161234567 */
  phone?: string;
  telegramId?: string;
  pushToken?: string;
  firstName?: string;
  lastName?: string;
  city?: string;
  gender?: string;
  birthDate?: string;
  signupAt?: number;
  consents: Consents;
  attrs: Record<string, string>;
}

export function unknownConsents(): Consents {
  return { email: null, sms: null, push: null, whatsapp: null, telegram: null };
}

export function customerDisplayName(customer: Pick<Customer, 'id' | 'firstName' | 'lastName'>): string {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  return name || customer.id;
}
