import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkDecoder, utf8CutPoint } from './chunkDecoder';

/** What one streaming TextDecoder gives for the bytes, cut into chunks at `cuts`. */
function streamed(label: string, bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = new TextDecoder(label);
  return chunksOf(bytes, cuts).map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

function viaChunkDecoder(label: string, bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = new ChunkDecoder(label);
  return chunksOf(bytes, cuts).map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
}

function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

const BOM = [0xef, 0xbb, 0xbf];
const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Text of CSV-like pieces: ASCII, Cyrillic, 3- and 4-byte characters, line breaks of every kind. */
const csvText = fc.array(fc.constantFrom('a', '7', ',', ';', '\n', '\r\n', '\r', 'Ж', 'ё', '€', '😀', '\uFEFF', ' ', '"', '-', '.', ':'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('ChunkDecoder', () => {
  it('gives the text of one streaming decoder for UTF-8 cut anywhere, with or without a BOM (property)', () => {
    fc.assert(
      fc.property(csvText, fc.boolean(), fc.array(fc.nat(400), { maxLength: 8 }), (text, hasBom, cuts) => {
        const bytes = hasBom ? join(BOM, utf8(text)) : utf8(text);
        expect(viaChunkDecoder('utf-8', bytes, cuts)).toBe(streamed('utf-8', bytes, cuts));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same U+FFFD as a streaming decoder for invalid and cut-off UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.array(fc.nat(100), { maxLength: 8 }), (bytes, cuts) => {
        expect(viaChunkDecoder('utf-8', bytes, cuts)).toBe(streamed('utf-8', bytes, cuts));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the streaming text for single-byte code pages and for UTF-16 (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('windows-1251', 'koi8-r', 'ibm866', 'windows-1252', 'windows-1250', 'iso-8859-5', 'utf-16le', 'utf-16be'), fc.uint8Array({ maxLength: 60 }), fc.array(fc.nat(100), { maxLength: 6 }), (label, bytes, cuts) => {
        expect(viaChunkDecoder(label, bytes, cuts)).toBe(streamed(label, bytes, cuts));
      }),
      { numRuns: 1000 },
    );
  });

  it('drops a BOM split over three chunks, and keeps a U+FEFF that starts a later chunk', () => {
    const bytes = join(BOM, utf8('id\n'), BOM, utf8('x\n'));
    expect(viaChunkDecoder('utf-8', bytes, [1, 2, 6])).toBe('id\n\uFEFFx\n');
    expect(viaChunkDecoder('utf-8', join(BOM), [1, 2])).toBe('');
  });

  it('keeps a Cyrillic character cut by the end of a chunk for the next one', () => {
    const decoder = new ChunkDecoder('utf-8');
    const bytes = utf8('C1,Ж');
    expect(decoder.decode(bytes.subarray(0, 4))).toBe('C1,');
    expect(decoder.decode(bytes.subarray(4))).toBe('Ж');
    expect(decoder.end()).toBe('');
  });

  it('reads Windows-1252 0x80 and 0x84 as € and „, not as control characters', () => {
    const decoder = new ChunkDecoder('windows-1252');
    expect(decoder.decode(Uint8Array.from([0x80, 0x20, 0x84])) + decoder.end()).toBe('€ „');
  });

  it('cuts UTF-8 only before a lead byte among the last three bytes', () => {
    expect(utf8CutPoint(utf8('ab'))).toBe(2);
    expect(utf8CutPoint(join(utf8('a'), [0xd0]))).toBe(1);
    expect(utf8CutPoint(join(utf8('a'), [0xe2, 0x82]))).toBe(1);
    expect(utf8CutPoint(utf8('a😀'))).toBe(5);
    expect(utf8CutPoint(join([0x80, 0x80, 0x80, 0x80]))).toBe(4);
  });
});
