import { CHANNEL_DEFAULT_COST, CHANNEL_DEFAULT_RESPONSES } from '../../../domain/chains/channels';
import type { MessageChannel, MessageNode, Offer, OfferType, ResponseRates } from '../../../domain/chains/types';

/** Edits of the message form, as pure functions. */

/**
 * The message on another channel. Its cost follows the channel's default unless the user set
 * one of their own (a cost that differs from the old channel's default); response assumptions
 * left at the defaults (null) follow the channel, edited ones stay.
 */
export function withChannel(node: MessageNode, channel: MessageChannel): MessageNode {
  const isDefaultCost = node.channel === null || node.cost === CHANNEL_DEFAULT_COST[node.channel];
  return { ...node, channel, cost: isDefaultCost ? CHANNEL_DEFAULT_COST[channel] : node.cost };
}

/** `{{field}}` or `{{field|fallback}}`. */
export function fieldToken(field: string, fallback: string): string {
  const trimmed = fallback.trim();
  return trimmed ? `{{${field}|${trimmed}}}` : `{{${field}}}`;
}

/** The text with `token` in place of the selection, and where the caret goes (after the token). */
export function insertAt(text: string, selectionStart: number, selectionEnd: number, token: string): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  return { text: `${text.slice(0, start)}${token}${text.slice(end)}`, caret: start + token.length };
}

/** A new offer of a type, with a typical value (10 %, 500, 300 points; none for shipping and gifts). */
export function defaultOffer(type: OfferType, code = ''): Offer {
  const values: Record<OfferType, number> = { discount_percent: 10, discount_amount: 500, bonus_points: 300, free_shipping: 0, gift: 0 };
  return { type, value: values[type], code };
}

/** Whether an offer type has a value to enter. */
export function hasOfferValue(type: OfferType): boolean {
  return type !== 'free_shipping' && type !== 'gift';
}

export const RESPONSE_KEYS = ['delivered', 'opened', 'clicked', 'converted', 'unsubscribed'] as const satisfies readonly (keyof ResponseRates)[];

/** A fraction 0…1 as the percent the form shows (0.22 → 22, 0.002 → 0.2), without float noise. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 100 * 1000) / 1000;
}

export function fromPercent(percent: number): number {
  return Math.round(percent * 10_000) / 1_000_000;
}

/** The rates shown: the node's own, else its channel's defaults (null without a channel). */
export function shownResponses(node: MessageNode): ResponseRates | null {
  return node.responses ?? (node.channel ? CHANNEL_DEFAULT_RESPONSES[node.channel] : null);
}

/** One rate changed: a node still on the defaults gets its own copy of them first. */
export function withResponse(node: MessageNode, key: keyof ResponseRates, fraction: number): MessageNode {
  const base = shownResponses(node);
  if (!base) return node;
  return { ...node, responses: { ...base, [key]: fraction } };
}
