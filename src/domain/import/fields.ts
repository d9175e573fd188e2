import type { CsvKind } from '../model/importBatch';

/**
 * The canonical fields a source column can be mapped to, per CSV kind (data-model.md "CSV
 * kinds"), with the header names they go by in Russian and English exports (CRMs, shops, 1C,
 * Excel, cash registers, the UCI "Online Retail" set, the R `rfm` package samples …). Unmapped
 * columns are never dropped: they become customer `attrs` or event `props` under their own name.
 */
export const CUSTOMER_FIELDS = [
  'customerId', 'email', 'phone', 'firstName', 'lastName', 'fullName', 'city', 'gender', 'birthDate', 'signupAt',
  'telegramId', 'pushToken', 'consentEmail', 'consentSms', 'consentPush', 'consentWhatsapp', 'consentTelegram',
] as const;
export const ACTIVITY_FIELDS = [
  'type', 'ts', 'amount', 'orderId', 'status', 'sku', 'productName', 'quantity', 'price', 'lineAmount', 'category',
  'channel', 'store', 'paymentMethod', 'discount', 'promoCode', 'currency',
] as const;
export const CANONICAL_FIELDS = [...CUSTOMER_FIELDS, ...ACTIVITY_FIELDS] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export type FieldType = 'id' | 'text' | 'name' | 'email' | 'phone' | 'date' | 'datetime' | 'money' | 'number' | 'boolean' | 'eventType' | 'gender' | 'status';

export interface FieldSpec {
  type: FieldType;
  /** normalised header names (see `normalizeHeader`) */
  synonyms: readonly string[];
  /** extra names that mean this field only in one kind ("id" is the customer in a customers file) */
  kindSynonyms?: Partial<Record<CsvKind, readonly string[]>>;
  /** the event prop key for activity fields kept on events */
  propKey?: string;
}

const CUSTOMER_ID = [
  'customer id', 'customerid', 'customer', 'customer number', 'customer no', 'customer code', 'cust id', 'client id', 'clientid',
  'client', 'client code', 'user id', 'userid', 'user', 'member id', 'contact id', 'buyer id', 'account id', 'customer key', 'profile id', 'subscriber id', 'person id', 'external customer id',
  'id клиента', 'код клиента', 'клиент id', 'идентификатор клиента', 'номер клиента', 'клиент', 'покупатель', 'код покупателя',
  'id покупателя', 'контрагент', 'код контрагента', 'id пользователя', 'пользователь', 'номер карты', 'карта', 'карта лояльности',
  'номер карты лояльности', 'дисконтная карта', 'card number', 'loyalty card', 'id контакта', 'контакт',
];

export const FIELD_SPECS: Record<CanonicalField, FieldSpec> = {
  customerId: { type: 'id', synonyms: CUSTOMER_ID, kindSynonyms: { customers: ['id', 'код', 'ид', 'uid', 'guid', 'external id', 'внешний id'] } },
  email: { type: 'email', synonyms: ['email', 'e mail', 'mail', 'email address', 'e mail address', 'почта', 'эл почта', 'электронная почта', 'адрес электронной почты', 'емейл', 'имейл', 'емэйл', 'e mail клиента', 'email клиента'] },
  phone: { type: 'phone', synonyms: ['phone', 'phone number', 'mobile', 'mobile phone', 'cell', 'cell phone', 'tel', 'telephone', 'msisdn', 'телефон', 'тел', 'моб телефон', 'мобильный', 'мобильный телефон', 'номер телефона', 'контактный телефон', 'телефон клиента', 'сотовый', 'сотовый телефон'] },
  firstName: { type: 'name', synonyms: ['first name', 'firstname', 'given name', 'forename', 'имя'] },
  lastName: { type: 'name', synonyms: ['last name', 'lastname', 'surname', 'family name', 'фамилия'] },
  fullName: { type: 'name', synonyms: ['name', 'full name', 'fullname', 'customer name', 'client name', 'contact name', 'billing name', 'shipping name', 'buyer name', 'recipient name', 'фио', 'ф и о', 'имя клиента', 'наименование клиента', 'клиент', 'покупатель', 'контрагент', 'имя и фамилия', 'фамилия имя отчество'] },
  city: { type: 'text', synonyms: ['city', 'town', 'город', 'населенный пункт', 'город клиента', 'customer city'] },
  gender: { type: 'gender', synonyms: ['gender', 'sex', 'пол'] },
  birthDate: { type: 'date', synonyms: ['birth date', 'birthdate', 'birthday', 'date of birth', 'dob', 'дата рождения', 'день рождения', 'др'] },
  signupAt: {
    type: 'datetime',
    synonyms: ['signup at', 'signup date', 'sign up date', 'signed up', 'registration date', 'registered at', 'registered', 'date registered', 'дата регистрации', 'зарегистрирован', 'дата создания клиента', 'first seen', 'customer since', 'клиент с', 'optin time', 'opt in time', 'opt in date', 'subscribed at', 'subscription date', 'дата подписки'],
    kindSynonyms: { customers: ['created at', 'created', 'date created', 'дата создания', 'создан', 'дата'] },
  },
  telegramId: { type: 'text', synonyms: ['telegram', 'telegram id', 'telegram username', 'tg', 'tg id', 'телеграм', 'телеграмм', 'ник в телеграм'] },
  pushToken: { type: 'text', synonyms: ['push token', 'device token', 'fcm token', 'apns token', 'пуш токен', 'токен'] },
  consentEmail: { type: 'boolean', synonyms: ['consent email', 'email consent', 'email opt in', 'email optin', 'email subscription', 'email subscribed', 'subscribed', 'newsletter', 'accepts marketing', 'согласие на email', 'согласие email', 'согласие на рассылку', 'подписка на рассылку', 'подписка email', 'email рассылка', 'подписан на рассылку', 'рассылка'] },
  consentSms: { type: 'boolean', synonyms: ['consent sms', 'sms consent', 'sms opt in', 'sms optin', 'sms subscription', 'accepts sms', 'согласие на смс', 'согласие на sms', 'согласие sms', 'согласие смс', 'смс рассылка', 'sms рассылка', 'подписка смс'] },
  consentPush: { type: 'boolean', synonyms: ['consent push', 'push consent', 'push opt in', 'push enabled', 'согласие на push', 'согласие на пуш', 'пуш уведомления', 'push уведомления'] },
  consentWhatsapp: { type: 'boolean', synonyms: ['consent whatsapp', 'whatsapp consent', 'whatsapp opt in', 'согласие на whatsapp', 'согласие whatsapp', 'whatsapp рассылка'] },
  consentTelegram: { type: 'boolean', synonyms: ['consent telegram', 'telegram consent', 'telegram opt in', 'согласие на telegram', 'согласие telegram', 'согласие на телеграм'] },
  type: { type: 'eventType', synonyms: ['event', 'event type', 'eventtype', 'event name', 'type', 'action', 'activity', 'event action', 'событие', 'тип события', 'тип', 'действие', 'название события', 'вид события'] },
  ts: {
    type: 'datetime',
    synonyms: [
      'date', 'datetime', 'date time', 'time', 'timestamp', 'ts', 'order date', 'order time', 'order datetime', 'created at', 'created',
      'purchase date', 'invoice date', 'invoicedate', 'transaction date', 'sale date', 'event time', 'event date', 'event timestamp',
      'occurred at', 'happened at', 'date of purchase', 'дата', 'дата заказа', 'дата покупки', 'время', 'дата и время', 'дата время',
      'период', 'дата документа', 'дата чека', 'дата продажи', 'дата события', 'время события', 'дата операции', 'дата транзакции',
      'дата создания', 'дата оформления', 'дата и время заказа', 'время заказа',
    ],
  },
  amount: {
    type: 'money',
    synonyms: [
      'amount', 'total', 'sum', 'revenue', 'order total', 'total amount', 'grand total', 'order amount', 'order value', 'value', 'sales',
      'amount paid', 'paid', 'total price', 'net amount', 'сумма', 'сумма заказа', 'итого', 'выручка', 'стоимость', 'сумма покупки',
      'сумма документа', 'сумма чека', 'оплачено', 'сумма оплаты', 'сумма продажи', 'стоимость заказа', 'сумма руб', 'сумма с ндс', 'доход',
    ],
    kindSynonyms: { orders: ['price'] },
  },
  orderId: {
    type: 'id',
    synonyms: [
      'order id', 'orderid', 'order number', 'order no', 'order', 'order ref', 'invoice', 'invoice no', 'invoiceno', 'invoice number',
      'invoice id', 'receipt', 'receipt number', 'receipt no', 'check number', 'transaction id', 'transaction', 'номер заказа', 'заказ',
      'id заказа', 'код заказа', 'номер чека', 'чек', 'документ', 'номер документа', 'id транзакции', 'номер транзакции', 'номер накладной',
    ],
    kindSynonyms: { orders: ['id', 'номер', 'код'], lines: ['номер'] },
    propKey: 'order_id',
  },
  status: { type: 'status', synonyms: ['status', 'order status', 'state', 'статус', 'статус заказа', 'состояние', 'order state', 'financial status'], propKey: 'status' },
  sku: { type: 'text', synonyms: ['sku', 'stock code', 'lineitem sku', 'line item sku', 'variant sku', 'stockcode', 'product id', 'product code', 'item id', 'item code', 'article', 'article number', 'артикул', 'код товара', 'код номенклатуры', 'id товара', 'штрихкод', 'barcode', 'ean'], propKey: 'sku' },
  productName: { type: 'text', synonyms: ['description', 'product', 'product name', 'item', 'item name', 'lineitem name', 'line item name', 'product title', 'item title', 'товар', 'наименование', 'номенклатура', 'название товара', 'наименование товара', 'продукт'], propKey: 'product' },
  quantity: { type: 'number', synonyms: ['quantity', 'qty', 'lineitem quantity', 'line item quantity', 'item quantity', 'count', 'units', 'pieces', 'items', 'items count', 'number of items', 'кол во товаров', 'число товаров', 'количество', 'кол во', 'колво', 'кол', 'шт', 'количество шт'], propKey: 'items' },
  price: { type: 'money', synonyms: ['price', 'unit price', 'lineitem price', 'line item price', 'unitprice', 'item price', 'price per unit', 'цена', 'цена за единицу', 'цена за шт', 'цена продажи', 'розничная цена'] },
  lineAmount: { type: 'money', synonyms: ['line total', 'line amount', 'subtotal', 'line sum', 'amount', 'total', 'sum', 'сумма', 'сумма строки', 'стоимость', 'итого', 'сумма с ндс'] },
  category: { type: 'text', synonyms: ['category', 'product category', 'category name', 'категория', 'категория товара', 'группа товаров', 'товарная группа', 'группа', 'раздел'], propKey: 'category' },
  channel: { type: 'text', synonyms: ['channel', 'sales channel', 'source channel', 'канал', 'канал продаж', 'канал продажи', 'источник заказа'], propKey: 'channel' },
  store: { type: 'text', synonyms: ['store', 'shop', 'store name', 'point of sale', 'pos', 'outlet', 'магазин', 'точка продаж', 'торговая точка', 'подразделение', 'филиал', 'салон'], propKey: 'store' },
  paymentMethod: { type: 'text', synonyms: ['payment method', 'payment', 'payment type', 'paid by', 'способ оплаты', 'оплата', 'тип оплаты', 'форма оплаты', 'вид оплаты'], propKey: 'payment_method' },
  discount: { type: 'money', synonyms: ['discount', 'discount amount', 'скидка', 'сумма скидки', 'скидка руб'], propKey: 'discount' },
  promoCode: { type: 'text', synonyms: ['promo code', 'promocode', 'coupon', 'coupon code', 'discount code', 'промокод', 'купон'], propKey: 'promo_code' },
  currency: { type: 'text', synonyms: ['currency', 'валюта', 'currency code'], propKey: 'currency' },
};

/** Which fields a kind of file can map. */
export const KIND_FIELDS: Record<CsvKind, readonly CanonicalField[]> = {
  customers: CUSTOMER_FIELDS,
  orders: [...CUSTOMER_FIELDS, 'orderId', 'ts', 'amount', 'status', 'category', 'channel', 'store', 'paymentMethod', 'discount', 'promoCode', 'currency', 'quantity', 'sku', 'productName'],
  lines: [...CUSTOMER_FIELDS, 'orderId', 'ts', 'sku', 'productName', 'quantity', 'price', 'lineAmount', 'status', 'category', 'channel', 'store', 'paymentMethod', 'discount', 'promoCode', 'currency'],
  events: [...CUSTOMER_FIELDS, 'type', 'ts', 'amount', 'orderId', 'sku', 'productName', 'category', 'channel', 'store', 'quantity', 'price', 'paymentMethod', 'discount', 'promoCode', 'currency', 'status'],
};

/** Fields a kind cannot do without: each inner list needs at least one of its fields mapped. */
export const REQUIRED_FIELDS: Record<CsvKind, readonly (readonly CanonicalField[])[]> = {
  customers: [['customerId', 'email', 'phone']],
  orders: [['customerId', 'email', 'phone'], ['ts'], ['amount']],
  lines: [['customerId', 'email', 'phone'], ['ts'], ['price', 'lineAmount']],
  events: [['customerId', 'email', 'phone'], ['type'], ['ts']],
};

export function isCustomerField(field: CanonicalField): field is CustomerField {
  return (CUSTOMER_FIELDS as readonly string[]).includes(field);
}

export function isCanonicalField(name: string): name is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(name);
}

/**
 * A header as the synonym lists write it: "CustomerID" → "customer id", "E-Mail" → "e mail",
 * "Дата_заказа" → "дата заказа", "Кол-во" → "кол во", "ё" → "е".
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The unmissable required-field groups a mapping leaves unmapped. */
export function missingRequired(kind: CsvKind, mapped: ReadonlySet<CanonicalField>): (readonly CanonicalField[])[] {
  return REQUIRED_FIELDS[kind].filter((group) => !group.some((field) => mapped.has(field)));
}
