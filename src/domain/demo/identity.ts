import { unknownConsents, type ConsentValue, type Consents, type Customer } from '../model';
import type { Random } from '../random';
import { formatEpochDay } from '../time';
import {
  DEMO_CITIES,
  EN_EMAIL_DOMAIN_WEIGHTS,
  EN_EMAIL_DOMAINS,
  EN_FEMALE_NAMES,
  EN_MALE_NAMES,
  EN_SURNAMES,
  DEMO_STORES,
  RU_EMAIL_DOMAIN_WEIGHTS,
  RU_EMAIL_DOMAINS,
  RU_FEMALE_NAMES,
  RU_MALE_NAMES,
  RU_SURNAMES,
  feminineSurname,
  transliterate,
  type DemoCity,
} from './names';

/**
 * Who a demo customer is: name, gender, contacts, city, birth date and channel consents.
 * Contacts are unique per customer (the phone is a bijection of the index, the e-mail ends in
 * the customer number) so that importing the demo never merges two customers by accident.
 * Consent is never true for a channel the customer cannot be reached on.
 */
export const ACQUISITION_SOURCES = ['organic', 'ads', 'referral', 'offline'] as const;
export type AcquisitionSource = (typeof ACQUISITION_SOURCES)[number];

export interface DemoIdentity {
  customer: Customer;
  acquisition: AcquisitionSource;
  isEnglish: boolean;
  hasApp: boolean;
  /** Hours ahead of UTC in the customer's city (Moscow when unknown). */
  utcOffset: number;
  /** Their usual shop, when the chain has one in their city. */
  store: string | undefined;
}

export interface IdentityInput {
  id: string;
  index: number;
  phoneOffset: number;
  endYear: number;
  /** Weight of 'offline' acquisition for customers who live near a shop (organic 38, ads 30, referral 10). */
  offlineWeight: number;
  appShare: number;
}

const CITY_WEIGHTS = DEMO_CITIES.map((city) => city.weight);
const PHONE_MULTIPLIER = 387_420_489; // 3^18: coprime with 10^9, so index → number is one-to-one
const PHONE_SPACE = 1_000_000_000;

export function drawIdentity(random: Random, input: IdentityInput): DemoIdentity {
  const isEnglish = random.chance(0.2);
  const isFemale = random.chance(0.6);
  const name = drawName(random, isEnglish, isFemale);
  const city = random.chance(0.05) ? undefined : random.weighted(DEMO_CITIES, CITY_WEIGHTS);
  const stores = city ? DEMO_STORES[city.name] : undefined;
  const store = stores ? random.pick(stores) : undefined;
  const acquisition = random.weighted(ACQUISITION_SOURCES, [38, 30, 10, store ? input.offlineWeight : 0]);
  const isOffline = acquisition === 'offline';
  const hasEmail = !random.chance(isOffline ? 0.3 : 0.06);
  const hasPhone = !random.chance(isOffline ? 0.04 : 0.18);
  const hasApp = random.chance(input.appShare);
  const hasTelegram = hasPhone && random.chance(0.17);
  const customer: Customer = {
    id: input.id,
    firstName: name.first,
    lastName: name.last,
    gender: isFemale ? 'female' : 'male',
    consents: unknownConsents(),
    attrs: {},
  };
  if (city) customer.city = isEnglish && random.chance(0.5) ? city.nameEn : city.name;
  if (hasEmail) customer.email = drawEmail(random, name, isEnglish, input.index + 1);
  if (hasPhone) customer.phone = phoneFor(input.index, input.phoneOffset);
  if (hasTelegram) customer.telegramId = String(random.int(100_000_000, 7_999_999_999));
  if (hasApp) customer.pushToken = drawPushToken(random);
  if (random.chance(0.72)) customer.birthDate = drawBirthDate(random, input.endYear);
  customer.consents = drawConsents(random, customer);
  return { customer, acquisition, isEnglish, hasApp, utcOffset: cityOffset(city), store };
}

function cityOffset(city: DemoCity | undefined): number {
  return city ? city.utcOffset : 3;
}

function drawName(random: Random, isEnglish: boolean, isFemale: boolean): { first: string; last: string } {
  if (isEnglish) {
    return { first: random.pick(isFemale ? EN_FEMALE_NAMES : EN_MALE_NAMES), last: random.pick(EN_SURNAMES) };
  }
  const surname = random.pick(RU_SURNAMES);
  return { first: random.pick(isFemale ? RU_FEMALE_NAMES : RU_MALE_NAMES), last: isFemale ? feminineSurname(surname) : surname };
}

const translitCache = new Map<string, string>();

function latin(text: string): string {
  let value = translitCache.get(text);
  if (value === undefined) {
    value = transliterate(text);
    translitCache.set(text, value);
  }
  return value;
}

/** Local parts like ivan.petrov812, petrova_a812, apetrov812; the number keeps it unique. */
function drawEmail(random: Random, name: { first: string; last: string }, isEnglish: boolean, number: number): string {
  const first = latin(name.first);
  const last = latin(name.last);
  const pattern = random.int(0, 4);
  const local =
    pattern === 0 ? `${first}.${last}` :
    pattern === 1 ? `${last}.${first}` :
    pattern === 2 ? `${first.charAt(0)}${last}` :
    pattern === 3 ? `${last}_${first.charAt(0)}` :
    `${first}${last.charAt(0)}`;
  const domain = isEnglish
    ? random.weighted(EN_EMAIL_DOMAINS, EN_EMAIL_DOMAIN_WEIGHTS)
    : random.weighted(RU_EMAIL_DOMAINS, RU_EMAIL_DOMAIN_WEIGHTS);
  return `${local}${number}@${domain}`;
}

/** +79XXXXXXXXX, distinct for every index below 10^9. */
export function phoneFor(index: number, offset: number): string {
  const subscriber = (((index % PHONE_SPACE) * PHONE_MULTIPLIER) % PHONE_SPACE + offset) % PHONE_SPACE;
  return `+79${String(subscriber).padStart(9, '0')}`;
}

function drawPushToken(random: Random): string {
  const prefix = random.chance(0.62) ? 'fcm' : 'apns';
  let hex = '';
  for (let i = 0; i < 4; i++) hex += random.int(0, 0xffffffff).toString(16).padStart(8, '0');
  return `${prefix}:${hex}`;
}

/** Ages 18–75, most between 25 and 45. */
function drawBirthDate(random: Random, endYear: number): string {
  const age = Math.min(75, Math.max(18, Math.round(random.normal(35, 10))));
  const year = endYear - age - 1;
  return formatEpochDay(Date.UTC(year, 0, 1) / 86_400_000 + random.int(0, 364));
}

function drawConsent(random: Random, hasContact: boolean, yes: number, no: number): ConsentValue {
  if (!hasContact) return null;
  const roll = random.next();
  if (roll < yes) return true;
  return roll < yes + no ? false : null;
}

function drawConsents(random: Random, customer: Customer): Consents {
  const hasPhone = customer.phone !== undefined;
  return {
    email: drawConsent(random, customer.email !== undefined, 0.72, 0.12),
    sms: drawConsent(random, hasPhone, 0.45, 0.2),
    push: drawConsent(random, customer.pushToken !== undefined, 0.62, 0.38),
    whatsapp: drawConsent(random, hasPhone, 0.2, 0.1),
    telegram: drawConsent(random, customer.telegramId !== undefined, 0.75, 0.1),
  };
}
