import { z } from 'zod';
import type { Reference } from '../../conditions/references';
import { PROFILE_FIELDS } from '../../conditions/types';
import { closestNames } from '../../similarity';
import { formatNumber, type LocalizedText } from '../../text';
import { CHANNEL_DEFAULT_COST, CHANNEL_NAMES, hasSubject } from '../channels';
import type { NodeIssue } from '../findings';
import { isKnownMessageField, messageFields, OFFER_FIELDS, parseMessageText } from '../messageText';
import { OUT_PORT, port } from '../ports';
import { fractionSchema, moneySchema, textSchema } from '../schemaParts';
import { MESSAGE_CHANNELS, OFFER_TYPES, type MessageNode, type Offer } from '../types';
import { issue, nodeBaseShape } from './common';
import type { NodeModule } from './module';

/** A message on a channel, with its text, offer, cost and response assumptions (simulation.md "Message"). */
export const MAX_SUBJECT_LENGTH = 500;

const offerSchema: z.ZodType<Offer> = z
  .object({ type: z.enum(OFFER_TYPES), value: moneySchema, code: z.string().max(100, 'at most 100 characters') })
  .strict()
  .superRefine((offer, context) => {
    if (offer.type === 'discount_percent' && offer.value > 100) context.addIssue({ code: 'custom', path: ['value'], message: 'a discount of at most 100 %' });
  });

const schema: z.ZodType<MessageNode> = z
  .object({
    ...nodeBaseShape('message'),
    channel: z.enum(MESSAGE_CHANNELS).nullable(),
    content: z.object({ subject: z.string().max(MAX_SUBJECT_LENGTH, `at most ${MAX_SUBJECT_LENGTH} characters`), body: textSchema }).strict(),
    offer: offerSchema.nullable(),
    cost: moneySchema,
    responses: z
      .object({ delivered: fractionSchema, opened: fractionSchema, clicked: fractionSchema, converted: fractionSchema, unsubscribed: fractionSchema })
      .strict()
      .nullable(),
    orderValue: moneySchema.nullable(),
    onSuppressed: z.enum(['continue', 'exit']),
  })
  .strict();

/** "−10 %", "−500", "+300 bonus points", "free shipping", "a gift". */
export function offerText(offer: Offer): LocalizedText {
  const value = formatNumber(offer.value);
  switch (offer.type) {
    case 'discount_percent':
      return { en: `−${value.en} %`, ru: `−${value.ru} %` };
    case 'discount_amount':
      return { en: `−${value.en}`, ru: `−${value.ru}` };
    case 'bonus_points':
      return { en: `+${value.en} bonus points`, ru: `+${value.ru} бонусов` };
    case 'free_shipping':
      return { en: 'free shipping', ru: 'бесплатная доставка' };
    case 'gift':
      return { en: 'a gift', ru: 'подарок' };
  }
}

function excerpt(text: string, length = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

function summary(node: MessageNode): LocalizedText {
  const channel = node.channel ? CHANNEL_NAMES[node.channel] : { en: 'Message', ru: 'Сообщение' };
  if (!node.channel) return { en: `${channel.en} · choose a channel`, ru: `${channel.ru} · выберите канал` };
  const headline = excerpt(hasSubject(node.channel) && node.content.subject.trim() ? node.content.subject : node.content.body);
  const text = headline ? { en: `"${headline}"`, ru: `«${headline}»` } : { en: 'no text yet', ru: 'текста пока нет' };
  const offer = node.offer ? offerText(node.offer) : null;
  return {
    en: [channel.en, text.en, offer?.en].filter(Boolean).join(' · '),
    ru: [channel.ru, text.ru, offer?.ru].filter(Boolean).join(' · '),
  };
}

/** GSM-7 covers Latin text; anything else (Cyrillic) is sent as UCS-2 with shorter parts. */
const GSM_BASIC = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

/** How many parts an SMS of this text is sent as. */
export function smsParts(text: string): number {
  const length = [...text].length;
  if (length === 0) return 0;
  const [single, multi] = GSM_BASIC.test(text) ? [160, 153] : [70, 67];
  return length <= single ? 1 : Math.ceil(length / multi);
}

function textIssues(text: string, path: string, offer: Offer | null): NodeIssue[] {
  const issues: NodeIssue[] = [];
  for (const problem of parseMessageText(text).problems) {
    if (problem.code === 'unclosed') issues.push(issue('message_field', `A field is not closed: "${problem.raw}" needs "}}".`, `Поле не закрыто: «${problem.raw}» — не хватает «}}».`, path));
    else issues.push(issue('message_field', `"${problem.raw}" is not a field name (e.g. {{firstName|friend}}).`, `«${problem.raw}» — не имя поля (например, {{firstName|друг}}).`, path));
  }
  for (const { field } of messageFields(text)) {
    if (!isKnownMessageField(field)) {
      const suggestions = closestNames(field, [...PROFILE_FIELDS, ...OFFER_FIELDS]);
      const hint = suggestions.length ? { en: ` Did you mean {{${suggestions[0]}}}?`, ru: ` Возможно, {{${suggestions[0]}}}?` } : { en: '', ru: '' };
      issues.push({
        ...issue('message_field', `Unknown field {{${field}}}: use a profile field (firstName, city …), attrs.<column> or offer.code.${hint.en}`, `Неизвестное поле {{${field}}}: используйте поле профиля (firstName, city …), attrs.<колонка> или offer.code.${hint.ru}`, path),
        ...(suggestions.length ? { suggestions } : {}),
      });
    } else if ((OFFER_FIELDS as readonly string[]).includes(field) && !offer) {
      issues.push(issue('message_offer', `The text uses {{${field}}} but the message has no offer.`, `В тексте есть {{${field}}}, но у сообщения нет предложения.`, path));
    } else if (field === 'offer.code' && offer && !offer.code.trim()) {
      issues.push(issue('message_offer', 'The text uses {{offer.code}} but the offer has no promo code.', 'В тексте есть {{offer.code}}, но у предложения нет промокода.', path));
    }
  }
  return issues;
}

function validate(node: MessageNode): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (!node.channel) issues.push(issue('message_no_channel', 'Choose the channel: email, SMS, push, WhatsApp, Telegram or in-app.', 'Выберите канал: email, SMS, push, WhatsApp, Telegram или in-app.', 'channel'));
  if (node.channel === 'email' && !node.content.subject.trim()) issues.push(issue('message_no_content', 'An email needs a subject.', 'У письма должна быть тема.', 'content.subject'));
  if (!node.content.body.trim()) issues.push(issue('message_no_content', 'The message has no text yet.', 'У сообщения пока нет текста.', 'content.body'));
  if (hasSubject(node.channel)) issues.push(...textIssues(node.content.subject, 'content.subject', node.offer));
  issues.push(...textIssues(node.content.body, 'content.body', node.offer));
  if (node.channel === 'sms') {
    const parts = smsParts(node.content.body);
    if (parts > 1) {
      issues.push(issue('message_no_content', `This SMS is sent as ${parts} parts; its cost per message should count all of them.`, `Это SMS уйдёт ${parts} частями; стоимость сообщения должна учитывать все части.`, 'content.body', 'warning'));
    }
  }
  return issues;
}

/** Fields used without a fallback: only those leave a hole where the workspace lacks them (a fallback covers the rest). */
function references(node: MessageNode): Reference[] {
  const texts: [string, string][] = [['content.body', node.content.body]];
  if (hasSubject(node.channel)) texts.unshift(['content.subject', node.content.subject]);
  return texts.flatMap(([path, text]) =>
    messageFields(text)
      .filter(({ field, hasFallback }) => !hasFallback && isKnownMessageField(field) && !field.startsWith('offer.'))
      .map(({ field }) => ({ kind: 'field' as const, name: field, path })),
  );
}

export const messageModule: NodeModule<MessageNode> = {
  kind: 'message',
  name: { en: 'Message', ru: 'Сообщение' },
  hasInput: true,
  schema,
  create: (id, position) => ({
    id,
    kind: 'message',
    position,
    label: '',
    channel: 'email',
    content: { subject: '', body: '' },
    offer: null,
    cost: CHANNEL_DEFAULT_COST.email,
    responses: null,
    orderValue: null,
    onSuppressed: 'continue',
  }),
  outPorts: () => [port(OUT_PORT, 'Out', 'Выход')],
  summary,
  validate,
  references,
  renameEventTypes: (node) => structuredClone(node),
  migrations: [],
};
