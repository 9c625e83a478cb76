import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';

import { AppError } from '../errors.ts';
import { formatBytes } from './format-bytes.ts';

export type UploadSource = Readable | ReadableStream<Uint8Array>;

export type ReceivedFile = {
  sizeBytes: number;
  /** SHA-256 of the bytes as the client sent them, in hex. */
  sha256: string;
};

function toNodeReadable(source: UploadSource): Readable {
  return source instanceof Readable ? source : Readable.fromWeb(source);
}

/**
 * Writes an upload to `file` while hashing and counting its bytes. The chunk that takes the
 * count past `maxBytes` fails the pipeline, which destroys the source, so an oversized upload
 * is rejected while it streams and at most one chunk past the limit is read. The caller
 * removes `file` on failure.
 */
export async function receiveToFile(
  source: UploadSource,
  file: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        callback(fileSizeLimitError(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });

  await pipeline(toNodeReadable(source), meter, createWriteStream(file));

  return { sizeBytes, sha256: hash.digest('hex') };
}

/** Builds the 413 of a file over the size limit. Its `details.limit` distinguishes it from a full quota. */
export function fileSizeLimitError(maxBytes: number): AppError {
  const limit = formatBytes(maxBytes);

  return new AppError('payload_too_large', `The file is larger than the ${limit} limit.`, {
    fields: [{ field: 'file', message: `The maximum file size is ${limit}.` }],
    details: { limit: 'file_size', maxBytes },
  });
}
