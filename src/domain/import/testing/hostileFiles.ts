/**
 * Awkward and broken files a user may hand the importer (issue 17), one corpus for the unit tests,
 * the fuzz test and the browser's end-to-end test. Each is made here, from code, so the corpus
 * says what is in it; none is a real customer's file.
 */
export interface HostileFile {
  /** the file name the user picks */
  name: string;
  /** what is wrong with it, in a few words */
  what: string;
  bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** "Иванов" in Windows-1251, as an old Excel export writes it */
const IVANOV_CP1251 = new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]);

/** the first bytes of a PNG picture, then binary noise */
function pictureBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  return bytes;
}

export const INJECTION_NAME = '<img src=x onerror="window.__hostileRan=1">';
export const FORMULA_CITY = '=HYPERLINK("http://evil.example","click")';

export const HOSTILE_FILES: readonly HostileFile[] = [
  { name: 'empty.csv', what: 'an empty file', bytes: new Uint8Array(0) },
  { name: 'header_only.csv', what: 'a header and no rows', bytes: utf8('customer_id,email,first_name\n') },
  { name: 'duplicate_headers.csv', what: 'two columns with the same name', bytes: utf8('customer_id,email,email\nc1,a@x.ru,b@x.ru\nc2,c@x.ru,d@x.ru\n') },
  { name: 'unbalanced_quotes.csv', what: 'a quote opened and never closed', bytes: utf8('customer_id,email,first_name\nc1,a@x.ru,"Anna\nc2,b@x.ru,Boris\nc3,c@x.ru,Clara\n') },
  { name: 'picture.csv', what: 'a picture renamed to .csv', bytes: pictureBytes() },
  { name: 'long_field.csv', what: 'a 100,000-character field', bytes: utf8(`customer_id,email,first_name\nc1,a@x.ru,${'x'.repeat(100_000)}\nc2,b@x.ru,Boris\n`) },
  // rows pasted together from a UTF-8 export and an old Windows-1251 one
  { name: 'mixed_encodings.csv', what: 'UTF-8 and Windows-1251 in one file', bytes: concat(utf8('customer_id,email,last_name,city\nc1,a@x.ru,Петров,Москва\nc2,b@x.ru,Смирнова,Казань\nc3,c@x.ru,'), IVANOV_CP1251, utf8(',Тверь\nc4,d@x.ru,Кузнецов,Самара\n')) },
  { name: 'far_dates.csv', what: 'orders dated 9999 and 1900', bytes: utf8('order_id,customer_id,order_date,amount\nO1,c1,2025-01-05,100\nO2,c2,9999-12-31,50\nO3,c3,1900-01-01,70\nO4,c1,2025-02-01,30\n') },
  { name: 'injection.csv', what: 'markup and a spreadsheet formula in the values', bytes: utf8(`customer_id,email,first_name,city\nc1,a@x.ru,"${INJECTION_NAME.replaceAll('"', '""')}","${FORMULA_CITY.replaceAll('"', '""')}"\nc2,b@x.ru,Boris,Москва\n`) },
];
