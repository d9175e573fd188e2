import { z } from 'zod';
import type { ParseResult } from '../journey/stageMapping';
import { describeZodError } from '../journey/stageMapping';

/**
 * Which orders came from CRM channels (metrics.md "Revenue from CRM channels"): an order whose
 * attribution prop — `source`, `utm_source` or `campaign` — names a CRM channel. The mapping is
 * editable per workspace: which props are read (in order; the first that names a channel wins)
 * and which words name each channel.
 *
 * Matching is by whole words: a value and an alias are both lower-cased, `ё` read as `е`, and
 * every run of characters other than letters and digits made one space; the alias matches when
 * it appears in the value as whole words. So `E-Mail`, `email_digest_2024` and `Рассылка май`
 * name e-mail, while `gmail` or `mail.ru` (an ad network, not a mailing) name nothing;
 * `in-app` and `in_app` both read as "in app".
 *
 * Decision (metrics.md names three props): the default also reads `utm_medium` and
 * `utm_campaign` — `utm_medium=email` is how most shops tag their e-mail links — and the
 * Russian "источник" and "кампания" columns. Prop names are compared the same way as values,
 * so "UTM Source", "utm_source" and "utm-source" are one prop.
 */
export const CRM_CHANNELS = ['email', 'sms', 'push', 'whatsapp', 'telegram', 'in_app'] as const;
export type CrmChannel = (typeof CRM_CHANNELS)[number];

export const CRM_CHANNEL_MAPPING_VERSION = 1;

export interface CrmChannelMapping {
  version: typeof CRM_CHANNEL_MAPPING_VERSION;
  /** prop names read, in order */
  props: string[];
  /** the words that name each channel */
  aliases: Record<CrmChannel, string[]>;
}

export function defaultCrmChannelMapping(): CrmChannelMapping {
  return {
    version: CRM_CHANNEL_MAPPING_VERSION,
    props: ['utm_source', 'source', 'utm_medium', 'campaign', 'utm_campaign', 'источник', 'кампания'],
    aliases: {
      email: ['email', 'e-mail', 'newsletter', 'mailchimp', 'unisender', 'sendsay', 'sendpulse', 'рассылка', 'письмо', 'емейл', 'имейл'],
      sms: ['sms', 'смс'],
      push: ['push', 'web push', 'webpush', 'пуш'],
      whatsapp: ['whatsapp', 'ватсап', 'вотсап'],
      telegram: ['telegram', 'tg', 'телеграм', 'телеграмм'],
      in_app: ['in-app', 'inapp', 'in app message'],
    },
  };
}

const words = z.array(z.string().trim().min(1, 'not empty').max(60, 'at most 60 characters')).max(100, 'at most 100 words');

const mappingSchema = z
  .object({
    version: z.literal(CRM_CHANNEL_MAPPING_VERSION),
    props: words.min(1, 'at least one prop'),
    aliases: z.object(Object.fromEntries(CRM_CHANNELS.map((channel) => [channel, words])) as Record<CrmChannel, typeof words>).strict(),
  })
  .strict();

/** Validates a stored mapping; never throws. */
export function parseCrmChannelMapping(value: unknown): ParseResult<CrmChannelMapping> {
  const result = mappingSchema.safeParse(value);
  if (!result.success) return { ok: false, error: describeZodError(result.error) };
  const aliases = Object.fromEntries(CRM_CHANNELS.map((channel) => [channel, [...result.data.aliases[channel]]])) as Record<CrmChannel, string[]>;
  return { ok: true, value: { version: CRM_CHANNEL_MAPPING_VERSION, props: [...result.data.props], aliases } };
}

/** Lower case, ё → е, every run of non-letters/digits one space, trimmed. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface CompiledCrmMapping {
  /** normalised prop names, in order */
  props: string[];
  /** per channel (CRM_CHANNELS order), its normalised aliases padded with spaces */
  aliases: string[][];
}

export function compileCrmMapping(mapping: CrmChannelMapping): CompiledCrmMapping {
  return {
    props: mapping.props.map(normalizeWords).filter((prop) => prop !== ''),
    aliases: CRM_CHANNELS.map((channel) => mapping.aliases[channel].map(normalizeWords).filter((alias) => alias !== '').map((alias) => ` ${alias} `)),
  };
}

/** The CRM channel (index into CRM_CHANNELS) a prop value names, −1 for none. */
export function crmChannelOfValue(compiled: CompiledCrmMapping, value: string): number {
  const padded = ` ${normalizeWords(value)} `;
  if (padded.length <= 2) return -1;
  for (let channel = 0; channel < compiled.aliases.length; channel++) {
    for (const alias of compiled.aliases[channel]!) if (padded.includes(alias)) return channel;
  }
  return -1;
}

/** The rank of a prop key among the attribution props (0 = read first), −1 when it is not one. */
export function attributionPropRank(compiled: CompiledCrmMapping, key: string): number {
  return compiled.props.indexOf(normalizeWords(key));
}

/**
 * An order's CRM code, stored per order: 0 = no attribution prop, 1 = an attribution prop
 * that names no CRM channel, 2 + i = CRM channel `CRM_CHANNELS[i]`.
 */
export const NO_ATTRIBUTION = 0;
export const NOT_CRM = 1;

export function crmCode(channel: number): number {
  return channel < 0 ? NOT_CRM : channel + 2;
}
