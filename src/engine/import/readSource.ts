import { ChunkDecoder, HEAD_BYTES, SAMPLE_WINDOW_BYTES, planImport, sampleWindowOffsets, type ImportPlan, type ImportSession, type PlanInput } from '../../domain';
import { throwIfCancelled } from '../cancel';
import type { ByteSource } from '../port';

/**
 * Reading a file for an import, once for the app and the command line: the plan from the first
 * bytes and a few windows further in, then the whole file decoded chunk by chunk into a session.
 * The app's import (src/db/repositories/importRunner.ts) stores what the session yields; the
 * command line (src/cli/readRecords.ts) keeps it in memory.
 */
export type SourceChoices = Omit<PlanInput, 'sourceName' | 'head' | 'isWholeFile' | 'extraSamples' | 'totalBytes'>;

/** The plan for a source, from its first bytes and a few windows further in. */
export async function planSource(source: ByteSource, choices: SourceChoices): Promise<ImportPlan> {
  const head = await source.read(0, HEAD_BYTES);
  const windows = await Promise.all(sampleWindowOffsets(source.size).map((offset) => source.read(offset, SAMPLE_WINDOW_BYTES)));
  return planImport({ sourceName: source.name, head, isWholeFile: source.size <= HEAD_BYTES, extraSamples: windows, totalBytes: source.size, ...choices });
}

/**
 * A chunk is decoded and split in pieces of at most this many bytes, so that no piece's text
 * (at most 2 bytes per byte read) nor the text the reader joins from it and the last piece's
 * unfinished line, is over V8's 128 KiB limit for ordinary heap objects. Larger strings go to
 * the large-object space: allocated one by one from the system and freed only by a full GC.
 * Measured on the demo's 91 MB orders CSV (Cyrillic, so two-byte text) in Node 20: decoding
 * in 1 MiB pieces took 0.8–0.9 s CPU, in 32 KiB pieces 0.17 s.
 */
const DECODE_PIECE_BYTES = 1 << 15;

export interface StreamOptions {
  signal?: AbortSignal;
  /** After each chunk is in the session, with the bytes read so far; awaited before the next chunk. */
  afterChunk?: (bytesRead: number) => Promise<void> | void;
}

/**
 * Decodes the whole source (in the plan's encoding) into the session, chunk by chunk; the
 * session is not finished. Throws the cancellation error when the signal is aborted.
 */
export async function streamSource(source: ByteSource, plan: ImportPlan, session: ImportSession, options: StreamOptions = {}): Promise<number> {
  // one plain decode per chunk, not a streaming decoder: see ChunkDecoder
  const decoder = new ChunkDecoder(plan.encoding.label);
  let bytesRead = 0;
  for await (const chunk of source.chunks()) {
    throwIfCancelled(options.signal);
    for (let at = 0; at < chunk.length; at += DECODE_PIECE_BYTES) session.pushText(decoder.decode(chunk.subarray(at, at + DECODE_PIECE_BYTES)));
    bytesRead += chunk.length;
    await options.afterChunk?.(bytesRead);
  }
  session.pushText(decoder.end());
  return bytesRead;
}

const CHUNK_BYTES = 1 << 20;

/** A source over bytes in memory (tests, small texts). */
export function bytesSource(name: string, bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ByteSource {
  return {
    name,
    size: bytes.length,
    lastModified: 0,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    async *chunks() {
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) yield bytes.subarray(offset, offset + chunkBytes);
    },
  };
}

/** A File (or any Blob) read in 1 MiB slices: the whole file is never in memory at once. */
export function blobSource(file: Blob & { name?: string; lastModified?: number }): ByteSource {
  return {
    name: file.name ?? 'file',
    size: file.size,
    lastModified: file.lastModified ?? 0,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
    async *chunks() {
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) yield new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    },
  };
}
