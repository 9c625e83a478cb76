import { randomUUID } from 'node:crypto';

const keySegmentPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const maxKeyLength = 512;

/**
 * Checks that `key` is a relative path of plain segments. A segment may not start with a dot,
 * so `.` and `..` are rejected and the filesystem store's hidden temporary files never clash.
 */
export function isValidObjectKey(key: string): boolean {
  if (key.length === 0 || key.length > maxKeyLength) {
    return false;
  }

  return key.split('/').every((segment) => keySegmentPattern.test(segment));
}

/** Throws a `TypeError` for a key that `isValidObjectKey` rejects. */
export function assertValidObjectKey(key: string): void {
  if (!isValidObjectKey(key)) {
    throw new TypeError(`Invalid media object key ${JSON.stringify(key)}`);
  }
}

/** Generates the key of a new original: `<tenantId>/<yyyy>/<uuid>.<extension>`. */
export function createObjectKey(tenantId: string, extension: string, now = new Date()): string {
  return `${tenantId}/${now.getUTCFullYear()}/${randomUUID()}.${extension}`;
}

/** Derives the key of a variant from its original's: `<...>/<uuid>-w<width>.<extension>`. */
export function variantObjectKey(originalKey: string, width: number, extension: string): string {
  const stem = originalKey.slice(0, originalKey.lastIndexOf('.'));

  return `${stem}-w${width}.${extension}`;
}
