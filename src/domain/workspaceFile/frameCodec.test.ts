import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameError, FrameReader } from './frameCodec';

const typedArray = fc.oneof(
  fc.float64Array({ maxLength: 40 }),
  fc.int32Array({ maxLength: 40 }),
  fc.uint16Array({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }),
  fc.uint32Array({ maxLength: 40 }),
);
const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), typedArray);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !key.startsWith('$')), tie('node'), { maxKeys: 5 })),
})).node;

/** Feeds the bytes to a reader in chunks cut at the given places. */
function readInChunks(bytes: Uint8Array, cuts: number[]): unknown[] {
  const reader = new FrameReader();
  const frames: unknown[] = [];
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b).concat(bytes.length)) {
    frames.push(...reader.push(bytes.subarray(from, Math.max(from, cut))));
    from = Math.max(from, cut);
  }
  reader.finish();
  return frames;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

describe('workspace file frames', () => {
  it('give back every value, typed arrays of every width included, however the bytes arrive', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (values, cuts) => {
        const bytes = concat(values.map(encodeFrame));
        const frames = readInChunks(bytes, cuts);
        expect(frames).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('keep NaN, infinities and negative zero, and read typed arrays back as their own aligned type', () => {
    const [frame] = readInChunks(encodeFrame({ z: -0, a: Number.NaN, b: [Infinity, -Infinity], c: new Uint8Array([1, 2, 3]), d: new Float64Array([1.5]) }), []) as [Record<string, unknown>];
    expect(Object.is(frame.z, -0)).toBe(true);
    expect(frame.a).toBeNaN();
    expect(frame.b).toEqual([Infinity, -Infinity]);
    expect(frame.c).toBeInstanceOf(Uint8Array);
    expect(frame.d).toEqual(new Float64Array([1.5]));
  });

  it('say "truncated" when the bytes stop inside a frame, at any place', () => {
    const bytes = encodeFrame({ rows: [new Float64Array([1, 2, 3]), 'text'] });
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = new FrameReader();
      expect(reader.push(bytes.subarray(0, cut))).toEqual([]);
      expect(() => reader.finish()).toThrow(FrameError);
    }
  });

  it('say "corrupt", never crash, when bytes are damaged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (noise) => {
        const reader = new FrameReader();
        try {
          reader.push(noise);
          reader.finish();
        } catch (error) {
          expect(error).toBeInstanceOf(FrameError);
        }
      }),
    );
  });
});
