import { attrName, isProfileField } from '../conditions/names';

/**
 * Personalisation fields in a message's subject and body: `{{firstName}}` or, with a fallback
 * for customers who lack the value, `{{firstName|friend}}` (spaces around the name and the bar
 * are ignored). Fields: the profile fields (firstName, lastName, city, email …), any source
 * column as `attrs.<column>`, and the message's offer as `offer.code` / `offer.value`.
 * Rendering returns plain text: whoever shows it (the preview) escapes it.
 */
export type MessageTextPart = { type: 'text'; text: string } | { type: 'field'; field: string; fallback: string | null; start: number; end: number };

export interface MessageTextProblem {
  /** 0-based offset of the `{{` */
  start: number;
  code: 'unclosed' | 'empty_field' | 'bad_field';
  /** the raw `{{…}}` text */
  raw: string;
}

export interface ParsedMessageText {
  parts: MessageTextPart[];
  problems: MessageTextProblem[];
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[^\s|{}]+)?$/;
export const OFFER_FIELDS = ['offer.code', 'offer.value'] as const;

// The validator, the summaries and the preview parse the same few texts again and again.
const parsedTexts = new Map<string, ParsedMessageText>();
const MAX_REMEMBERED = 2000;

/** Parts and problems of a text (the answer is shared: do not change it). */
export function parseMessageText(text: string): ParsedMessageText {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    parsed = parseUncached(text);
    if (parsedTexts.size >= MAX_REMEMBERED) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

function parseUncached(text: string): ParsedMessageText {
  const parts: MessageTextPart[] = [];
  const problems: MessageTextProblem[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open < 0) break;
    if (open > cursor) parts.push({ type: 'text', text: text.slice(cursor, open) });
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      problems.push({ start: open, code: 'unclosed', raw: text.slice(open, open + 40) });
      parts.push({ type: 'text', text: text.slice(open) });
      cursor = text.length;
      break;
    }
    const nested = text.indexOf('{{', open + 2);
    if (nested >= 0 && nested < close) {
      // "{{firstName|friend} … {{city}}": the first field was never closed.
      problems.push({ start: open, code: 'unclosed', raw: text.slice(open, nested).trimEnd() });
      parts.push({ type: 'text', text: text.slice(open, nested) });
      cursor = nested;
      continue;
    }
    const raw = text.slice(open, close + 2);
    const inner = text.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const field = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar < 0 ? null : inner.slice(bar + 1).trim();
    const isWellFormed = field !== '' && FIELD_NAME.test(field) && !/[{}]/.test(fallback ?? '');
    if (!field) problems.push({ start: open, code: 'empty_field', raw });
    else if (!isWellFormed) problems.push({ start: open, code: 'bad_field', raw });
    if (isWellFormed) parts.push({ type: 'field', field, fallback, start: open, end: close + 2 });
    else parts.push({ type: 'text', text: raw });
    cursor = close + 2;
  }
  if (cursor < text.length) parts.push({ type: 'text', text: text.slice(cursor) });
  return { parts, problems };
}

/** Whether a field name means something to the renderer (the workspace may still lack it: see the validator). */
export function isKnownMessageField(field: string): boolean {
  return isProfileField(field) || attrName(field) !== null || (OFFER_FIELDS as readonly string[]).includes(field);
}

/** The fields a text uses, in order of first appearance. */
export function messageFields(text: string): { field: string; hasFallback: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const part of parseMessageText(text).parts) {
    if (part.type === 'field') seen.set(part.field, (seen.get(part.field) ?? false) || (part.fallback !== null && part.fallback !== ''));
  }
  return [...seen].map(([field, hasFallback]) => ({ field, hasFallback }));
}

/** Fills the fields: a missing or blank value takes the fallback ('' without one). */
export function renderMessageText(text: string, valueOf: (field: string) => string | undefined): string {
  return parseMessageText(text)
    .parts.map((part) => {
      if (part.type === 'text') return part.text;
      const value = valueOf(part.field);
      return value !== undefined && value.trim() !== '' ? value : (part.fallback ?? '');
    })
    .join('');
}
