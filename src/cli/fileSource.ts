import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../engine';

const CHUNK_BYTES = 1 << 20;

/**
 * The engine's ByteSource over a file on disk (the browser's is a File, engine/import/readSource.ts):
 * the head and sample windows read where asked, the body streamed in 1 MiB chunks.
 */
export function fileSource(path: string, size = statSync(path).size): ByteSource {
  return {
    name: basename(path),
    size,
    lastModified: 0,
    read: async (offset, length) => {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(length);
        return buffer.subarray(0, readSync(fd, buffer, 0, length, offset));
      } finally {
        closeSync(fd);
      }
    },
    chunks: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>,
  };
}
