import { attrName, isProfileField } from '../conditions/names';
import type { Customer } from '../model';
import { formatEpochDay, localDayNumber } from '../time';
import { hasSubject } from './channels';
import { OFFER_FIELDS, parseMessageText, renderMessageText } from './messageText';
import { smsParts } from './nodes/message';
import type { MessageNode, Offer } from './types';

/**
 * A message as one real customer would get it: its `{{field|fallback}}` fields filled from the
 * customer's profile (and the node's offer), fallbacks used where the customer lacks a value.
 * The result is plain text — whoever shows it must escape it (React text nodes do).
 */
export interface PreviewField {
  field: string;
  /** the customer's value (or the offer's, for `offer.*`), or null when there is none */
  value: string | null;
  fallback: string | null;
  /** what the text shows: the customer's value, the offer's, the fallback, or nothing (no value and no fallback) */
  shown: 'value' | 'offer' | 'fallback' | 'nothing';
}

export interface RenderedMessage {
  /** '' for channels without a subject line */
  subject: string;
  body: string;
  /** every field of the subject and body, in order of first appearance */
  fields: PreviewField[];
  /** characters of the rendered body, and (SMS) the parts it is sent as */
  bodyLength: number;
  smsParts: number;
}

/**
 * The text a message field takes for a customer: profile fields as stored (`signupAt` as the
 * local calendar date 'YYYY-MM-DD' in `timeZone`), `attrs.<column>` from the source columns,
 * `offer.code` / `offer.value` from the node's offer. Undefined when there is no value.
 */
export function messageFieldValue(customer: Customer, field: string, offer: Offer | null, timeZone: string): string | undefined {
  if (field === 'offer.code') return offer?.code || undefined;
  if (field === 'offer.value') return offer ? String(offer.value) : undefined;
  if (isProfileField(field)) {
    if (field === 'signupAt') return customer.signupAt === undefined ? undefined : formatEpochDay(localDayNumber(customer.signupAt, timeZone));
    return customer[field];
  }
  const column = attrName(field);
  if (column === null || !Object.hasOwn(customer.attrs, column)) return undefined;
  return customer.attrs[column];
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

function previewFields(texts: readonly string[], valueOf: (field: string) => string | undefined): PreviewField[] {
  const fields = new Map<string, PreviewField>();
  for (const text of texts) {
    for (const part of parseMessageText(text).parts) {
      if (part.type !== 'field' || fields.has(part.field)) continue;
      const value = valueOf(part.field);
      const fallback = part.fallback && part.fallback !== '' ? part.fallback : null;
      const valueSource = (OFFER_FIELDS as readonly string[]).includes(part.field) ? 'offer' : 'value';
      const shown = !isBlank(value) ? valueSource : fallback !== null ? 'fallback' : 'nothing';
      fields.set(part.field, { field: part.field, value: isBlank(value) ? null : value, fallback, shown });
    }
  }
  return [...fields.values()];
}

export function renderMessageFor(node: Pick<MessageNode, 'channel' | 'content' | 'offer'>, customer: Customer, timeZone: string): RenderedMessage {
  const valueOf = (field: string) => messageFieldValue(customer, field, node.offer, timeZone);
  const withSubject = hasSubject(node.channel);
  const subject = withSubject ? renderMessageText(node.content.subject, valueOf) : '';
  const body = renderMessageText(node.content.body, valueOf);
  return {
    subject,
    body,
    fields: previewFields(withSubject ? [node.content.subject, node.content.body] : [node.content.body], valueOf),
    bodyLength: [...body].length,
    smsParts: smsParts(body),
  };
}
