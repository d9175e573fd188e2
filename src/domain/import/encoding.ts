/**
 * Text encoding of a CSV file from its first bytes. Handles what Russian and English exports
 * really come in: UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text"),
 * Windows-1251 (Excel and 1C in a Russian locale), and the rarer KOI8-R and DOS (IBM 866)
 * Cyrillic pages; Windows-1252 for Western text that is not UTF-8. Decoding is TextDecoder's
 * job (browsers and Node 20 support all of these labels); this module only chooses the label.
 */
export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'ibm866', 'windows-1252'] as const;
export type SupportedEncoding = (typeof SUPPORTED_ENCODINGS)[number];

export interface EncodingGuess {
  encoding: SupportedEncoding;
  /** A byte-order mark starts the file (TextDecoder drops it). */
  hasBom: boolean;
}

/** Why a file is not text at all, when it is not; `undefined` for text. */
export type BinaryKind = 'xlsx' | 'xls' | 'ods' | 'docx' | 'zip' | 'pdf' | 'archive' | 'image' | 'binary';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const SIGNATURES: [BinaryKind, number[]][] = [
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['archive', [0x1f, 0x8b]],
  ['archive', [0x52, 0x61, 0x72, 0x21]],
  ['archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['image', [0x89, 0x50, 0x4e, 0x47]],
  ['image', [0xff, 0xd8, 0xff]],
  ['image', [0x47, 0x49, 0x46, 0x38]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.length <= bytes.length && signature.every((byte, i) => bytes[i] === byte);
}

function bomOf(bytes: Uint8Array): EncodingGuess | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', hasBom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', hasBom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', hasBom: true };
  return undefined;
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): SupportedEncoding | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Whether `text` (ASCII) occurs in the first `limit` bytes. */
function hasAscii(bytes: Uint8Array, text: string, limit: number): boolean {
  const end = Math.min(bytes.length, limit) - text.length;
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/**
 * What a ZIP container holds, from the names of its first entries (local headers come first):
 * an Excel workbook has "xl/…", an OpenDocument spreadsheet says so in its "mimetype" entry, a
 * Word document has "word/…"; anything else is a plain archive (a zipped CSV, say).
 */
function zipKind(bytes: Uint8Array): BinaryKind {
  const limit = 65_536;
  if (hasAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet', limit)) return 'ods';
  if (hasAscii(bytes, 'xl/', limit)) return 'xlsx';
  if (hasAscii(bytes, 'word/', limit)) return 'docx';
  return 'zip';
}

/** Share of control bytes (NUL included) above which a file is binary, not text with a stray byte. */
const CONTROL_SHARE = 0.01;

/**
 * What kind of non-text file this is, or undefined when it looks like text. Decided on the
 * share of control bytes in the first 64 KiB, not on one of them: a stray NUL in an export is
 * text (the reader drops it with a warning), wherever in the file it is.
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  if (startsWith(bytes, ZIP_SIGNATURE)) return zipKind(bytes);
  for (const [kind, signature] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
  if (bomOf(bytes) || utf16WithoutBom(bytes)) return undefined;
  const length = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a && byte !== 0x1b)) control++;
  }
  return control > Math.max(2, length * CONTROL_SHARE) ? 'binary' : undefined;
}

/**
 * Whether the bytes are well-formed UTF-8. A multi-byte sequence cut off by the end of the
 * sample does not count against it (the sample is the start of a longer file).
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return utf8Sequences(bytes, 1).invalid === 0;
}

/**
 * How many multi-byte UTF-8 sequences are well formed and how many bytes above 0x7F are not,
 * counting up to `stopAfterInvalid` bad ones. A multi-byte sequence cut off by the end of the
 * sample does not count against it.
 */
function utf8Sequences(bytes: Uint8Array, stopAfterInvalid: number): { valid: number; invalid: number } {
  const length = bytes.length;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < length && invalid < stopAfterInvalid) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const extra = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0;
    if (extra > 0 && i + extra >= length) break;
    let isWellFormed = extra > 0;
    for (let k = 1; k <= extra && isWellFormed; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) isWellFormed = false;
    if (isWellFormed) {
      valid++;
      i += extra + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-8 with a few foreign bytes (a line pasted from a Windows-1251 file): most multi-byte
 * sequences are well formed. A file really in a single-byte code page has almost none, since its
 * letters seldom fall into UTF-8's lead-and-continuation pattern. Read as UTF-8, the foreign
 * bytes show up as U+FFFD and their rows are rejected, instead of the whole file being garbled.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = utf8Sequences(bytes, Number.POSITIVE_INFINITY);
  return valid >= 4 && valid > invalid * 2;
}

const FREQUENT_RUSSIAN = new Set('оеаинтсрвлкмдпуяыьгзбчйхжшю');
const SINGLE_BYTE_CYRILLIC: SupportedEncoding[] = ['windows-1251', 'koi8-r', 'ibm866'];

/** Share of letters that are frequent lower-case Russian letters once decoded as `encoding`. */
function russianScore(bytes: Uint8Array, encoding: SupportedEncoding): number {
  const text = decodeWhole(encoding, bytes);
  let frequent = 0;
  let high = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    high++;
    if (FREQUENT_RUSSIAN.has(char)) frequent++;
  }
  return high === 0 ? 0 : frequent / high;
}

/** Whether bytes above 0x7F come in runs (words of a non-Latin script) rather than alone among ASCII letters. */
function isMostlyNonLatin(bytes: Uint8Array): boolean {
  let inRuns = 0;
  let alone = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const isRun = (i > 0 && bytes[i - 1]! >= 0x80) || (i + 1 < bytes.length && bytes[i + 1]! >= 0x80);
    if (isRun) inRuns++;
    else alone++;
  }
  return inRuns >= alone;
}

/** The encoding of a file from its first bytes (a few tens of kilobytes are plenty). */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomOf(bytes);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, hasBom: false };
  if (isValidUtf8(bytes) || isMostlyUtf8(bytes)) return { encoding: 'utf-8', hasBom: false };
  if (!isMostlyNonLatin(bytes)) return { encoding: 'windows-1252', hasBom: false };
  let best: SupportedEncoding = 'windows-1251';
  let bestScore = -1;
  for (const encoding of SINGLE_BYTE_CYRILLIC) {
    const score = russianScore(bytes, encoding);
    if (score > bestScore + 0.05) {
      best = encoding;
      bestScore = score;
    }
  }
  return { encoding: best, hasBom: false };
}

const ALIASES: Record<string, SupportedEncoding> = {
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-8-sig': 'utf-8',
  utf8bom: 'utf-8',
  cp1251: 'windows-1251',
  win1251: 'windows-1251',
  'win-1251': 'windows-1251',
  'windows1251': 'windows-1251',
  ansi: 'windows-1251',
  koi8r: 'koi8-r',
  koi8: 'koi8-r',
  cp866: 'ibm866',
  dos: 'ibm866',
  '866': 'ibm866',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/**
 * The text of a whole buffer in `encoding`. Decoded in streaming mode on purpose: Node's one-shot
 * decode of windows-1252 reads bytes 0x80–0x9F (€, „, “, ”, …) as control characters, where its
 * streaming decode and every browser give the right letters.
 */
export function decodeWhole(encoding: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/**
 * The TextDecoder label for an encoding the user typed ("cp1251", "UTF-8", "koi8-r" …), or
 * undefined when this runtime cannot decode it. Any label TextDecoder knows is accepted.
 */
export function resolveEncodingLabel(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const alias = ALIASES[key] ?? ALIASES[key.replace(/[\s_]/g, '')];
  if (alias) return alias;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return undefined;
  }
}
