import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { AppError } from '../errors.ts';
import { mimeOfExtension } from './media-types.ts';
import { assertValidObjectKey } from './object-keys.ts';
import type { MediaStore, ObjectInfo } from './store.ts';

/** Error codes of a disk that cannot take writes now but may later. */
const unavailableCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function toStoreError(error: unknown): unknown {
  if (unavailableCodes.has(errorCode(error) ?? '')) {
    return new AppError('unavailable', 'Media storage is unavailable. Try again later.', {
      logMessage: 'media folder rejected a write',
      cause: error,
    });
  }

  return error;
}

/** Counts the bytes passing through and fails when they differ from `expected`. */
function lengthCheck(expected: number | undefined): Transform {
  let seen = 0;

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      if (expected !== undefined && seen !== expected) {
        callback(new Error(`media body has ${seen} bytes, expected ${expected}`));
        return;
      }
      callback();
    },
  });
}

/**
 * Creates a store that keeps each object as a file under `root`. A write goes to a hidden
 * temporary file in the target folder and is renamed into place, so a failed write leaves no
 * file under the key and readers never see half an object. Content types are not stored: they
 * follow from the extension, which the upload pipeline derives from the detected type.
 */
export function createFilesystemStore(root: string): MediaStore {
  const resolvedRoot = path.resolve(root);

  const fileOf = (key: string) => {
    assertValidObjectKey(key);
    return path.join(resolvedRoot, ...key.split('/'));
  };

  const infoOf = async (key: string): Promise<ObjectInfo | undefined> => {
    try {
      const stats = await stat(fileOf(key));
      return stats.isFile()
        ? { size: stats.size, contentType: mimeOfExtension(path.extname(key).slice(1)) }
        : undefined;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  };

  return {
    async put(key, body, options) {
      const file = fileOf(key);
      const folder = path.dirname(file);
      // A leading dot keeps temporary files out of the key space, which rejects such names.
      const temporaryFile = path.join(folder, `.${path.basename(file)}.${randomUUID()}.part`);
      try {
        await mkdir(folder, { recursive: true });
        await pipeline(body, lengthCheck(options.size), createWriteStream(temporaryFile));
        await rename(temporaryFile, file);
      } catch (error) {
        await rm(temporaryFile, { force: true });
        throw toStoreError(error);
      }
    },

    async get(key, options = {}) {
      const info = await infoOf(key);
      if (!info) {
        return undefined;
      }
      const range = options.range;
      const body: Readable = createReadStream(
        fileOf(key),
        range ? { start: range.start, end: range.end } : {},
      );

      return { ...info, body };
    },

    head: infoOf,

    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
