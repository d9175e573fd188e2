/**
 * Decodes a file's bytes chunk by chunk into exactly the text one streaming TextDecoder would
 * give, but with one plain (non-streaming) `decode` call per chunk.
 *
 * Why: Node's TextDecoder has a fast UTF-8 path (simdutf; ASCII comes out as a one-byte string)
 * only for calls without `{ stream: true }` — the first streaming call switches a decoder to
 * ICU for good, whose strings are two-byte. Measured on the 1,000,000-row orders file (41 MB),
 * splitting the text of streaming calls into lines and fields took 1.0–1.2 s CPU against
 * 0.4–0.6 s for the same text from plain calls; every later substring, hash and number read
 * pays for the wider strings as well. Browsers give the same text either way.
 *
 * How the text stays identical: a chunk is decoded only up to a point where a streaming
 * decoder holds no pending bytes. In UTF-8 that is any byte that is not a continuation byte
 * (10xxxxxx): a character still incomplete at the end of a chunk has its lead byte among the
 * chunk's last three bytes, so at most three bytes wait for the next chunk (invalid bytes give
 * the same U+FFFD either way, since a streaming decoder too ends a pending sequence at such a
 * byte). Single-byte encodings can be cut anywhere. A BOM is dropped only at the very start, as
 * a streaming decoder does. Other encodings (UTF-16, multi-byte Asian ones, whose second bytes
 * may look like ASCII) keep a streaming decoder, and so does Windows-1252: Node 20's plain
 * decode of it takes a Latin-1 shortcut that reads 0x80–0x9F (€, „, …) as control characters.
 */
const SINGLE_BYTE = /^(windows-125[013-8]|windows-874|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

type Cutting = 'utf-8' | 'single-byte' | 'streaming';

function cuttingOf(encoding: string): Cutting {
  if (encoding === 'utf-8') return 'utf-8';
  return SINGLE_BYTE.test(encoding) ? 'single-byte' : 'streaming';
}

/**
 * Where a UTF-8 chunk can be cut with no character pending: before a lead byte among its last
 * three bytes when the bytes after it are fewer than its sequence takes, else at its end.
 */
export function utf8CutPoint(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 3; i--) {
    const byte = bytes[i]!;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) return i + sequenceLength(byte) > length ? i : length;
  }
  return length;
}

/** How many bytes a sequence starting with this lead byte takes (1 for bytes that never lead one: an error on their own). */
function sequenceLength(lead: number): number {
  if (lead < 0xc2 || lead > 0xf4) return 1;
  return lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

export class ChunkDecoder {
  /** drops a BOM: used until the first byte has been decoded */
  private readonly atStart: TextDecoder;
  /** keeps a U+FEFF that is not at the start, as a streaming decoder does */
  private readonly later: TextDecoder;
  private readonly cutting: Cutting;
  private isAtStart = true;
  /** the bytes of a character cut by the end of the last chunk */
  private carry: Uint8Array | undefined;

  constructor(label: string) {
    this.atStart = new TextDecoder(label);
    this.later = new TextDecoder(label, { ignoreBOM: true });
    this.cutting = cuttingOf(this.atStart.encoding);
  }

  /** The text of the chunk, as far as it can be decoded without the next one. */
  decode(chunk: Uint8Array): string {
    if (this.cutting === 'streaming') return this.atStart.decode(chunk, { stream: true });
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const cut = this.cutting === 'utf-8' ? utf8CutPoint(bytes) : bytes.length;
    if (cut < bytes.length) this.carry = bytes.slice(cut);
    return this.plainDecode(cut === bytes.length ? bytes : bytes.subarray(0, cut));
  }

  /** The text of what is left at the end of the file. */
  end(): string {
    if (this.cutting === 'streaming') return this.atStart.decode();
    const rest = this.carry;
    this.carry = undefined;
    return rest ? this.plainDecode(rest) : '';
  }

  private plainDecode(bytes: Uint8Array): string {
    if (bytes.length === 0) return '';
    const decoder = this.isAtStart ? this.atStart : this.later;
    this.isAtStart = false;
    return decoder.decode(bytes);
  }
}
