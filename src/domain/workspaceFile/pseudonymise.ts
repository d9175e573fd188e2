import type { CustomerBlock, DictColumn, EventBlock } from '../columnar';
import type { CustomerTextField } from '../model/customer';

/**
 * Pseudonymising a workspace file for sharing outside the company (decided for issue 17):
 * - every customer id is replaced by `p-` and 16 hex digits of a hash keyed with a random key
 *   drawn for this export and written nowhere: the same customer gets the same pseudonym
 *   everywhere in the file (events, audiences, run traces), and nobody can go back from a
 *   pseudonym to the id, nor link two exports, even for ids guessable by trying (phone numbers);
 * - names are removed; emails, phones, Telegram ids and push tokens are replaced by placeholders
 *   derived from the pseudonym (`p-….@example.invalid`, a `+000…` number), so that who can be
 *   reached on which channel — and so every count and run result — stays as it was;
 * - other columns kept as imported (`attrs`) are removed when their name says they hold a
 *   contact, a name, an address or a document (PERSONAL_COLUMN); the rest stay: they are what
 *   conditions and chains are built on. City, gender and birth date stay (birthday chains
 *   need them);
 * - event fields (props) follow the same rule: a field whose name says it is personal is removed;
 *   in the others, an email address or a phone number with its country code written anywhere in a
 *   value (a contact typed into an order comment) becomes a placeholder derived from its
 *   pseudonym; the rest of each value stays: chain conditions are built on them;
 * - import reports (they keep rejected source lines as they were) are left out.
 */
export type PseudonymKey = readonly [number, number, number, number];

const PERSONAL_COLUMN = /e-?mail|почт|phone|телефон|мобил|mobile|name|имя|фамил|отчеств|контакт|contact|address|адрес|passport|паспорт|snils|снилс|telegram|whatsapp|skype|token|(^|[^\p{L}])(inn|инн|фио|vk)([^\p{L}]|$)/iu;

export function isPersonalColumn(name: string): boolean {
  return PERSONAL_COLUMN.test(name);
}

/** A random key for one export (the caller draws it from crypto.getRandomValues). */
export function pseudonymKeyFrom(words: Uint32Array): PseudonymKey {
  return [words[0] ?? 0, words[1] ?? 0, words[2] ?? 0, words[3] ?? 0];
}

/** murmur3's 32-bit mixing of `text`, seeded: two seeds from the key give 64 bits. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/**
 * Pseudonyms of one export. Two ids that happen to hash alike (about one chance in 10^19 for a
 * pair) get distinct pseudonyms all the same: the later one is suffixed.
 */
export function createPseudonymiser(key: PseudonymKey) {
  const byId = new Map<string, string>();
  const taken = new Set<string>();
  function pseudonymOf(id: string): string {
    const known = byId.get(id);
    if (known !== undefined) return known;
    const keyed = `${key[0]}:${key[1]}:${id}`;
    let pseudonym = `p-${hex8(hash32(keyed, key[2]))}${hex8(hash32(keyed, key[3] ^ 0x9e3779b9))}`;
    for (let n = 2; taken.has(pseudonym); n++) pseudonym = `${pseudonym.split('~')[0]}~${n}`;
    byId.set(id, pseudonym);
    taken.add(pseudonym);
    return pseudonym;
  }
  return { pseudonymOf };
}
export type Pseudonymiser = ReturnType<typeof createPseudonymiser>;

function placeholderOf(field: CustomerTextField, pseudonym: string): string {
  switch (field) {
    case 'email':
      return `${pseudonym}@example.invalid`;
    case 'phone':
      return `+000${pseudonym.slice(2, 12).replace(/[a-f]/g, (digit) => String(digit.charCodeAt(0) - 97))}`;
    case 'telegramId':
    case 'pushToken':
      return pseudonym;
    default:
      return '';
  }
}

const REPLACED_FIELDS: readonly CustomerTextField[] = ['email', 'phone', 'telegramId', 'pushToken'];
const REMOVED_FIELDS: readonly CustomerTextField[] = ['firstName', 'lastName'];

/** A customer block with ids, names and contacts pseudonymised (see above); the original is not changed. */
export function pseudonymiseCustomerBlock(block: CustomerBlock, pseudonyms: Pseudonymiser): CustomerBlock {
  const ids = block.id.map((id) => pseudonyms.pseudonymOf(id));
  const text = { ...block.text };
  for (const field of REPLACED_FIELDS) text[field] = block.text[field].map((value, row) => (value ? placeholderOf(field, ids[row]!) : ''));
  for (const field of REMOVED_FIELDS) text[field] = block.text[field].map(() => '');
  const attrs = Object.fromEntries(Object.entries(block.attrs).filter(([name]) => !isPersonalColumn(name)));
  return { ...block, id: ids, text, attrs };
}

/** A stored run's trace names customers by id: those become the same pseudonyms. */
export function pseudonymiseRunRow(row: Record<string, unknown>, pseudonyms: Pseudonymiser): Record<string, unknown> {
  const sums = row.sums;
  if (!sums || typeof sums !== 'object' || !Array.isArray((sums as { trace?: unknown }).trace)) return row;
  const trace = ((sums as { trace: unknown[] }).trace).map((entry) =>
    entry && typeof entry === 'object' && typeof (entry as { customerId?: unknown }).customerId === 'string'
      ? { ...entry, customerId: pseudonyms.pseudonymOf((entry as { customerId: string }).customerId) }
      : entry,
  );
  return { ...row, sums: { ...sums, trace } };
}

/** An import batch without its report (rejected source lines, as they were in the file). */
export function pseudonymiseBatchRow(row: Record<string, unknown>): Record<string, unknown> {
  const { report: _report, ...rest } = row;
  return rest;
}

/** An email address, or a phone number with its country code (`+7 916 123-45-67`), inside any text. */
const CONTACT_IN_TEXT = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[\p{L}\d-]+|\+\d[\d\s()-]{8,18}\d/gu;

function placeholderOfContact(contact: string, pseudonyms: Pseudonymiser): string {
  if (contact.includes('@')) return placeholderOf('email', pseudonyms.pseudonymOf(contact));
  const digits = contact.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15 ? placeholderOf('phone', pseudonyms.pseudonymOf(contact.replace(/\D/g, ''))) : contact;
}

function withoutContacts(text: string, pseudonyms: Pseudonymiser): string {
  return text.replace(CONTACT_IN_TEXT, (contact) => placeholderOfContact(contact, pseudonyms));
}

/** Values are a column's dictionary: each distinct value is rewritten once, the codes stay. */
function pseudonymiseDictColumn(column: DictColumn, pseudonyms: Pseudonymiser): DictColumn {
  const values = column.values.map((value) => withoutContacts(value, pseudonyms));
  return values.every((value, index) => value === column.values[index]) ? column : { ...column, values };
}

/** An event block with personal fields removed and contacts in the other fields replaced (see above). */
export function pseudonymiseEventBlock(block: EventBlock, pseudonyms: Pseudonymiser): EventBlock {
  const props = Object.fromEntries(
    Object.entries(block.props)
      .filter(([name]) => !isPersonalColumn(name))
      .map(([name, column]) => [name, pseudonymiseDictColumn(column, pseudonyms)]),
  );
  return { ...block, props };
}
