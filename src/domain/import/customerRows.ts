import { unknownConsents, type ConsentChannel, type Customer } from '../model/customer';
import { CUSTOMER_FIELDS, type CustomerField } from './fields';
import type { ImportPlan } from './plan';
import { dateParams, type MessageParams, type WarningCode } from './messages';
import { ContactReaders, DateReader } from './valueReaders';
import { parseBoolean, normalizeGender } from './values/flags';
import { integerOfFloatId, isExcelScientific, isPlaceholder, type PlaceholderSet } from './placeholders';

/**
 * Reads the customer columns of a row: the reference (id, e-mail, phone) that identifies the
 * customer, and the profile (names, city, gender, birth date, signup, consents …). A value that
 * cannot be normalised (an e-mail without a domain, a phone with four digits, "maybe" as a
 * consent) is not lost: it stays in `attrs` under its column name, with a warning.
 */
export type WarnFn = (code: WarningCode, line: number, params: MessageParams, column?: string) => void;

export interface CustomerRef {
  id: string;
  email: string | undefined;
  phone: string | undefined;
  /** why the id column's value was not used as the id (then `id` is empty and `unusedId` holds it) */
  idIssue: IdIssue | undefined;
  unusedId: string;
  /** the id as the file wrote it when it was read from a float ("17850.0" for the id "17850"), else '' */
  floatWritten: string;
}

/** An id value that identifies nothing: a placeholder ("NA", "NULL") or one Excel rounded ("4.6E+15"). See placeholders.ts. */
export type IdIssue = 'placeholder' | 'excel';

/** Why an id value cannot identify anything, or undefined when it can. */
export function idIssueOf(value: string, placeholders: PlaceholderSet): IdIssue | undefined {
  if (isPlaceholder(value, placeholders)) return 'placeholder';
  if (isExcelScientific(value)) return 'excel';
  return undefined;
}

const CONSENT_FIELDS: Record<string, ConsentChannel> = {
  consentEmail: 'email',
  consentSms: 'sms',
  consentPush: 'push',
  consentWhatsapp: 'whatsapp',
  consentTelegram: 'telegram',
};

const TEXT_FIELDS = ['firstName', 'lastName', 'city', 'telegramId', 'pushToken'] as const;
const PATRONYMIC = /(вич|вна|ична|чна|оглы|кызы)$/i;
const SURNAME = /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ых|их|енко|ук|юк|ко)$/i;

const ORGANIZATION = /^(ооо|оао|зао|пао|ао|ип|нко|ано|гбу|муп|фгуп|llc|ltd|inc|gmbh|corp)(\s|$)|["«»]|\s(llc|ltd|inc|gmbh|corp)\.?$/iu;

/**
 * "Иванов Иван Иванович", "Ivan Petrov", "Петрова Анна" → first, last and middle name. A
 * company ("ООО «Вектор»", "Acme Ltd") is not split: it is kept whole as the first name.
 */
export function splitFullName(raw: string): { firstName?: string; lastName?: string; middleName?: string } {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (ORGANIZATION.test(raw.trim())) return { firstName: words.join(' ') };
  if (words.length === 1) return { firstName: words[0] };
  const isCyrillic = /[\u0400-\u04ff]/.test(raw);
  if (isCyrillic && words.length === 3 && PATRONYMIC.test(words[2]!)) return { lastName: words[0], firstName: words[1], middleName: words[2] };
  if (isCyrillic && words.length === 2 && SURNAME.test(words[0]!) && !SURNAME.test(words[1]!)) return { lastName: words[0], firstName: words[1] };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}

export class CustomerRowReader {
  readonly profileColumns: number[];
  private readonly column: Partial<Record<CustomerField, number>>;
  private readonly contacts: ContactReaders;
  private readonly birthDate: DateReader | undefined;
  private readonly signupAt: DateReader | undefined;
  private readonly names: string[];
  private readonly placeholders: PlaceholderSet;
  private readonly idsAsFloats: boolean;

  constructor(
    plan: ImportPlan,
    private readonly warn: WarnFn,
  ) {
    this.column = {};
    for (const field of CUSTOMER_FIELDS) if (plan.mapping[field] !== undefined) this.column[field] = plan.mapping[field];
    this.profileColumns = CUSTOMER_FIELDS.filter((field) => field !== 'customerId' && this.column[field] !== undefined).map((field) => this.column[field]!);
    this.contacts = new ContactReaders(plan.phoneCountry);
    const dateReader = (field: 'birthDate' | 'signupAt') => {
      const date = plan.dates[field];
      return date && this.column[field] !== undefined ? new DateReader(date.format, plan.timeZone) : undefined;
    };
    this.birthDate = dateReader('birthDate');
    this.signupAt = dateReader('signupAt');
    this.names = plan.layout.columns;
    this.placeholders = plan.placeholders;
    this.idsAsFloats = plan.customerIdsAsFloats;
  }

  get hasProfile(): boolean {
    return this.profileColumns.length > 0;
  }

  private value(fields: readonly string[], field: CustomerField): string {
    const index = this.column[field];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  }

  /** The id, e-mail and phone of the row (normalised; invalid contacts, placeholder and Excel-rounded values are undefined). */
  reference(fields: readonly string[]): CustomerRef {
    const email = this.value(fields, 'email');
    const phone = this.value(fields, 'phone');
    const written = this.value(fields, 'customerId');
    const id = this.idsAsFloats ? integerOfFloatId(written) : written;
    const isFromFloat = id.length !== written.length;
    const idIssue = id ? idIssueOf(id, this.placeholders) : undefined;
    return {
      id: idIssue ? '' : id,
      email: email ? this.contacts.email.get(email) : undefined,
      phone: phone && !isExcelScientific(phone) ? this.contacts.phone.get(phone) : undefined,
      idIssue,
      unusedId: idIssue ? id : '',
      floatWritten: isFromFloat && !idIssue ? written : '',
    };
  }

  /** The column holding the customer id (for messages). */
  get idColumn(): string {
    const index = this.column.customerId;
    return index === undefined ? 'customerId' : this.names[index]!;
  }

  /** The raw profile values joined: a row repeating the last one of its customer needs no work. */
  signature(fields: readonly string[]): string {
    let text = '';
    for (const index of this.profileColumns) text += `${fields[index] ?? ''}\u0001`;
    return text;
  }

  private keepInvalid(customer: Customer, field: CustomerField, raw: string, what: string, line: number, extra: MessageParams = {}): void {
    const column = this.names[this.column[field]!]!;
    customer.attrs[column] = raw;
    this.warn('invalid_value', line, { ...extra, column, value: raw, what, keptAs: 'attribute' }, column);
  }

  /** The profile of the row as a customer record (id left empty: the directory sets it). */
  profile(fields: readonly string[], line: number): Customer {
    const customer: Customer = { id: '', consents: unknownConsents(), attrs: {} };
    this.contactsInto(customer, fields, line);
    for (const field of TEXT_FIELDS) {
      const value = this.value(fields, field);
      if (value) customer[field] = value;
    }
    this.fullNameInto(customer, fields);
    const gender = this.value(fields, 'gender');
    if (gender) customer.gender = normalizeGender(gender);
    this.datesInto(customer, fields, line);
    for (const [field, channel] of Object.entries(CONSENT_FIELDS) as [CustomerField, ConsentChannel][]) {
      const raw = this.value(fields, field);
      if (!raw) continue;
      const value = parseBoolean(raw);
      if (value === undefined) this.keepInvalid(customer, field, raw, 'boolean', line);
      else customer.consents[channel] = value;
    }
    return customer;
  }

  private contactsInto(customer: Customer, fields: readonly string[], line: number): void {
    const email = this.value(fields, 'email');
    if (email) {
      const normalized = this.contacts.email.get(email);
      if (normalized) customer.email = normalized;
      else this.keepInvalid(customer, 'email', email, 'email', line);
    }
    const phone = this.value(fields, 'phone');
    if (phone && isExcelScientific(phone)) {
      const column = this.names[this.column.phone!]!;
      customer.attrs[column] = phone;
      this.warn('excel_number', line, { column, value: phone, action: 'phone' }, column);
    } else if (phone) {
      const normalized = this.contacts.phone.get(phone);
      if (normalized) customer.phone = normalized;
      else this.keepInvalid(customer, 'phone', phone, 'phone', line);
    }
  }

  private fullNameInto(customer: Customer, fields: readonly string[]): void {
    const fullName = this.value(fields, 'fullName');
    if (!fullName) return;
    const parts = splitFullName(fullName);
    if (parts.firstName && !customer.firstName) customer.firstName = parts.firstName;
    if (parts.lastName && !customer.lastName) customer.lastName = parts.lastName;
    if (parts.middleName) customer.attrs.middle_name = parts.middleName;
  }

  private datesInto(customer: Customer, fields: readonly string[], line: number): void {
    const birth = this.value(fields, 'birthDate');
    if (birth && this.birthDate) {
      const date = this.birthDate.calendarDate(birth);
      if (date) customer.birthDate = date;
      else this.keepInvalid(customer, 'birthDate', birth, 'date', line, dateParams(this.birthDate.problem));
    }
    const signup = this.value(fields, 'signupAt');
    if (signup && this.signupAt) {
      const instant = this.signupAt.instant(signup);
      if (Number.isNaN(instant)) this.keepInvalid(customer, 'signupAt', signup, 'date', line, dateParams(this.signupAt.problem));
      else customer.signupAt = instant;
    }
  }
}

