import { describe, expect, it } from 'vitest';
import { binaryKind, decodeWhole, detectEncoding, isValidUtf8, resolveEncodingLabel, SUPPORTED_ENCODINGS } from './encoding';
import { planImport } from './plan';

const RUSSIAN = 'Фамилия;Имя;Телефон\r\nПетрова;Анна;+7 903 555-12-34\r\nИванов;Иван;8 916 123 45 67\r\n';

/** Single-byte Cyrillic encodings built from their code tables, so the test needs no encoder library. */
function encodeSingleByte(text: string, label: string): Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from([...text], (char) => table.get(char) ?? 0x3f);
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    bytes.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(bytes);
}

describe('detectEncoding', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(RUSSIAN);
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf-8', hasBom: false });
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ encoding: 'utf-8', hasBom: true });
    expect(detectEncoding(new TextEncoder().encode('id,email\n1,a@b.c\n'))).toEqual({ encoding: 'utf-8', hasBom: false });
  });

  it('does not hold a multi-byte character cut off at the end of the sample against UTF-8', () => {
    const utf8 = new TextEncoder().encode(`${RUSSIAN}Ж`);
    expect(detectEncoding(utf8.subarray(0, utf8.length - 1)).encoding).toBe('utf-8');
  });

  it('tells Windows-1251 from KOI8-R and DOS 866 by how Russian the text looks', () => {
    expect(detectEncoding(encodeSingleByte(RUSSIAN, 'windows-1251')).encoding).toBe('windows-1251');
    expect(detectEncoding(encodeSingleByte(RUSSIAN, 'koi8-r')).encoding).toBe('koi8-r');
    expect(detectEncoding(encodeSingleByte(RUSSIAN, 'ibm866')).encoding).toBe('ibm866');
  });

  it('takes Western text that is not UTF-8 for Windows-1252', () => {
    expect(detectEncoding(encodeSingleByte('name,city\nJosé,Málaga\nRenée,Zürich\n', 'windows-1252')).encoding).toBe('windows-1252');
  });

  it('recognises UTF-16 with and without a byte-order mark', () => {
    expect(detectEncoding(utf16('id\tname\n1\tAnna\n', true, true))).toEqual({ encoding: 'utf-16le', hasBom: true });
    expect(detectEncoding(utf16('id\tname\n1\tAnna\n', false, true))).toEqual({ encoding: 'utf-16be', hasBom: true });
    expect(detectEncoding(utf16('id\tname\n1\tAnna\n', true, false))).toEqual({ encoding: 'utf-16le', hasBom: false });
  });
});

describe('binaryKind', () => {
  it('names workbooks, PDFs, archives and other binary files', () => {
    const zipEntry = (name: string) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(26).fill(0), ...new TextEncoder().encode(name), 0, 0]);
    expect(binaryKind(zipEntry('[Content_Types].xml\0\0PK\u0003\u0004xl/workbook.xml'))).toBe('xlsx');
    expect(binaryKind(zipEntry('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
    expect(binaryKind(zipEntry('word/document.xml'))).toBe('docx');
    expect(binaryKind(zipEntry('orders.csv'))).toBe('zip');
    expect(binaryKind(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('xls');
    expect(binaryKind(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(binaryKind(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toBe('archive');
    expect(binaryKind(Uint8Array.from([0x00, 0x00, 0x01, 0x02, 0x7f, 0x00, 0x00, 0x10, 0xff, 0x00]))).toBe('binary');
  });

  it('takes a stray NUL or control byte for text, and a file full of them for binary', () => {
    const text = new TextEncoder().encode(`id,name\n${'1,Anna\n'.repeat(500)}`);
    text[20] = 0;
    text[40] = 0x01;
    expect(binaryKind(text)).toBeUndefined();
    const binary = text.map((byte, i) => (i % 20 === 0 ? 0 : byte));
    expect(binaryKind(binary)).toBe('binary');
  });

  it('lets text through, including UTF-16', () => {
    expect(binaryKind(new TextEncoder().encode(RUSSIAN))).toBeUndefined();
    expect(binaryKind(utf16('id\tname\n', true, true))).toBeUndefined();
    expect(binaryKind(encodeSingleByte(RUSSIAN, 'windows-1251'))).toBeUndefined();
  });
});

describe('isValidUtf8 and resolveEncodingLabel', () => {
  it('rejects overlong and stray continuation bytes', () => {
    expect(isValidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0x80]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0xd0, 0x96]))).toBe(true);
  });

  it('understands the names people type for encodings', () => {
    expect(resolveEncodingLabel('cp1251')).toBe('windows-1251');
    expect(resolveEncodingLabel('Windows-1251')).toBe('windows-1251');
    expect(resolveEncodingLabel('UTF8')).toBe('utf-8');
    expect(resolveEncodingLabel('utf-8-bom')).toBe('utf-8');
    expect(resolveEncodingLabel('koi8r')).toBe('koi8-r');
    expect(resolveEncodingLabel('cp866')).toBe('ibm866');
    expect(resolveEncodingLabel('latin1')).toBe('windows-1252');
    expect(resolveEncodingLabel('no-such-encoding')).toBeUndefined();
  });
});

describe('a UTF-8 file with a few foreign bytes', () => {
  const encoder = new TextEncoder();
  const ivanovCp1251 = new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]);
  function joined(...parts: Uint8Array[]): Uint8Array {
    const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    parts.reduce((at, part) => (all.set(part, at), at + part.length), 0);
    return all;
  }

  it('stays UTF-8 (the foreign row is rejected later) instead of garbling every Cyrillic letter', () => {
    const bytes = joined(encoder.encode('id,name,city\n1,Петров,Москва\n2,Смирнова,Казань\n3,'), ivanovCp1251, encoder.encode(',Тверь\n'));
    expect(detectEncoding(bytes)).toEqual({ encoding: 'utf-8', hasBom: false });
  });

  it('still reads a whole Windows-1251 file as Windows-1251', () => {
    const cp1251 = new Uint8Array([...encoder.encode('id,name\n1,'), ...ivanovCp1251, ...encoder.encode('\n2,'), ...ivanovCp1251, ...encoder.encode('\n')]);
    expect(detectEncoding(cp1251).encoding).toBe('windows-1251');
  });
});

describe('decodeWhole', () => {
  // "Größe “M” 5 €" in Windows-1252: „“”€ are bytes 0x84, 0x93, 0x94, 0x80
  const westernBytes = new Uint8Array([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x20, 0x93, 0x4d, 0x94, 0x20, 0x35, 0x20, 0x80, 0x20, 0x84]);

  it('reads the Windows-1252 letters of bytes 0x80–0x9F (Node’s one-shot decode gives control characters)', () => {
    expect(decodeWhole('windows-1252', westernBytes)).toBe('Größe “M” 5 € „');
  });

  it('gives what a streaming decoder gives, in every supported encoding', () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    for (const encoding of SUPPORTED_ENCODINGS) {
      const streaming = new TextDecoder(encoding);
      expect(decodeWhole(encoding, everyByte), encoding).toBe(streaming.decode(everyByte, { stream: true }) + streaming.decode());
    }
  });

  it('is what the import plan reads a Windows-1252 file with: column names and sample values keep € and typographic quotes', () => {
    const header = Uint8Array.from('customer_id,order_date,revenue,comment\n', (char) => char.charCodeAt(0));
    const row = (id: number) => [...Uint8Array.from(`C${id},2026-01-0${1 + (id % 9)},${10 + id},`, (char) => char.charCodeAt(0)), ...westernBytes, 0x0a];
    const head = Uint8Array.from([...header, ...Array.from({ length: 20 }, (_, id) => row(id)).flat()]);
    const plan = planImport({ sourceName: 'orders.csv', head, isWholeFile: true, encoding: 'windows-1252' });
    expect(plan.encoding.label).toBe('windows-1252');
    expect(plan.layout.rows[0]?.fields[3]).toBe('Größe “M” 5 € „');
  });
});
