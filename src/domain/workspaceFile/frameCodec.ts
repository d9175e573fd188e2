/**
 * The frames of a workspace file. A frame is one JSON value whose typed arrays travel as raw
 * bytes beside it instead of as JSON numbers: a block of 32,768 events is then ~800 KB of
 * columns and a few hundred bytes of JSON, written and read without a number being formatted
 * or parsed. Layout (little-endian):
 *
 *   u32 length of the JSON · u32 length of the binary part · JSON (UTF-8) · binary part
 *
 * In the JSON a typed array is `{"$bin":[type, offset, length]}`: its bytes are at `offset` of
 * the binary part (offsets are multiples of 8, so every view reads aligned).
 */
export const TYPED_ARRAY_TYPES = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;

type TypedArrayName = keyof typeof TYPED_ARRAY_TYPES;
type AnyTypedArray = InstanceType<(typeof TYPED_ARRAY_TYPES)[TypedArrayName]>;

const FRAME_HEADER_BYTES = 8;
/** A frame larger than this is not one this code wrote: the length field is damaged. */
export const MAX_FRAME_BYTES = 1 << 30;

export class FrameError extends Error {
  readonly reason: 'truncated' | 'corrupt';
  constructor(reason: 'truncated' | 'corrupt', message: string) {
    super(message);
    this.name = 'FrameError';
    this.reason = reason;
  }
}

function typedArrayName(value: ArrayBufferView): TypedArrayName | null {
  for (const name of Object.keys(TYPED_ARRAY_TYPES) as TypedArrayName[]) if (value instanceof TYPED_ARRAY_TYPES[name]) return name;
  return null;
}

function alignedLength(length: number): number {
  return Math.ceil(length / 8) * 8;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One frame's bytes. `undefined` inside objects is left out (as JSON does); NaN, ±Infinity and -0 travel as `{"$num":"NaN"}`. */
export function encodeFrame(value: unknown): Uint8Array {
  const parts: AnyTypedArray[] = [];
  let binaryLength = 0;
  const json = JSON.stringify(value, function replace(this: unknown, key, inner: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(raw)) {
      const name = typedArrayName(raw);
      if (!name) throw new Error(`A ${raw.constructor.name} cannot be written to a workspace file`);
      const reference = { $bin: [name, binaryLength, (raw as AnyTypedArray).length] };
      parts.push(raw as AnyTypedArray);
      binaryLength += alignedLength(raw.byteLength);
      return reference;
    }
    // JSON has no NaN, infinities or negative zero; a stored value may be any of them
    if (typeof inner === 'number' && (!Number.isFinite(inner) || Object.is(inner, -0))) return { $num: Object.is(inner, -0) ? '-0' : String(inner) };
    return inner;
  });
  const jsonBytes = encoder.encode(json);
  const frame = new Uint8Array(FRAME_HEADER_BYTES + jsonBytes.length + binaryLength);
  const view = new DataView(frame.buffer);
  view.setUint32(0, jsonBytes.length, true);
  view.setUint32(4, binaryLength, true);
  frame.set(jsonBytes, FRAME_HEADER_BYTES);
  let offset = FRAME_HEADER_BYTES + jsonBytes.length;
  for (const part of parts) {
    frame.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += alignedLength(part.byteLength);
  }
  return frame;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function decodeBody(json: string, binary: Uint8Array): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json, (_key, value: unknown) => {
      if (!isRecord(value)) return value;
      if (Array.isArray(value.$bin)) return typedArrayOf(value.$bin, binary);
      if (typeof value.$num === 'string' && Object.keys(value).length === 1) return Number(value.$num);
      return value;
    });
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError('corrupt', `a frame is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parsed;
}

function typedArrayOf(reference: unknown[], binary: Uint8Array): AnyTypedArray {
  const [name, offset, length] = reference;
  const Type = typeof name === 'string' && Object.hasOwn(TYPED_ARRAY_TYPES, name) ? TYPED_ARRAY_TYPES[name as TypedArrayName] : undefined;
  if (!Type || !Number.isInteger(offset) || !Number.isInteger(length) || (offset as number) < 0 || (length as number) < 0 || (offset as number) % 8 !== 0) {
    throw new FrameError('corrupt', `a column reference is damaged (${JSON.stringify(reference)})`);
  }
  const byteLength = (length as number) * Type.BYTES_PER_ELEMENT;
  if ((offset as number) + byteLength > binary.length) throw new FrameError('corrupt', 'a column reaches past the end of its frame');
  // a copy: the column must own an aligned buffer of its own (the frame's bytes are let go)
  const bytes = binary.slice(offset as number, (offset as number) + byteLength);
  return new Type(bytes.buffer, 0, length as number);
}

/**
 * Reads frames from bytes as they arrive (a decompressed stream). `push` a chunk, then take the
 * complete frames; `finish` throws when the stream ended inside a frame.
 */
export class FrameReader {
  private chunks: Uint8Array[] = [];
  private buffered = 0;

  push(chunk: Uint8Array): unknown[] {
    if (chunk.length) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: unknown[] = [];
    for (;;) {
      if (this.buffered < FRAME_HEADER_BYTES) break;
      const head = new DataView(this.peek(FRAME_HEADER_BYTES).buffer);
      const jsonLength = head.getUint32(0, true);
      const binaryLength = head.getUint32(4, true);
      const total = FRAME_HEADER_BYTES + jsonLength + binaryLength;
      if (total > MAX_FRAME_BYTES || binaryLength % 8 !== 0) throw new FrameError('corrupt', 'a frame length is damaged');
      if (this.buffered < total) break;
      const frame = this.take(total);
      let json: string;
      try {
        json = decoder.decode(frame.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + jsonLength));
      } catch {
        throw new FrameError('corrupt', 'a frame is not UTF-8 text');
      }
      frames.push(decodeBody(json, frame.subarray(FRAME_HEADER_BYTES + jsonLength)));
    }
    return frames;
  }

  /** The stream ended: nothing may be left over. */
  finish(): void {
    if (this.buffered > 0) throw new FrameError('truncated', `the file ends in the middle of a frame (${this.buffered} bytes left over)`);
  }

  /** The first `length` bytes, copied, without consuming them. */
  private peek(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    for (const chunk of this.chunks) {
      const part = chunk.subarray(0, length - filled);
      out.set(part, filled);
      filled += part.length;
      if (filled === length) break;
    }
    return out;
  }

  private take(length: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length >= length) {
      // the common case for small frames: no copy
      const out = first.subarray(0, length);
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
      this.buffered -= length;
      return out;
    }
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.chunks[0]!;
      const part = chunk.subarray(0, length - filled);
      out.set(part, filled);
      filled += part.length;
      if (part.length === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part.length);
    }
    this.buffered -= length;
    return out;
  }
}
