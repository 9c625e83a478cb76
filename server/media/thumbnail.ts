import { Readable } from 'node:stream';

import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { AppError } from '../errors.ts';
import { hasThumbnail } from './admin-schemas.ts';
import { mimeOfFormat } from './images.ts';
import type { MediaRow } from './upload.ts';
import type { MediaStore } from './store.ts';

type ThumbnailObject = { objectKey: string; contentType: string; sizeBytes: number };

/**
 * Picks the copy of an image that the admin shows: the narrowest WebP variant at least
 * `minWidth` wide (the narrowest of all without `minWidth`), else the original. Throws a
 * `not_found` AppError for a file that is not an image the admin may show.
 */
export function selectThumbnail(row: MediaRow, minWidth: number | undefined): ThumbnailObject {
  if (!hasThumbnail(row.contentType)) {
    throw new AppError('not_found', 'This file has no thumbnail');
  }
  const original = {
    objectKey: row.objectKey,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
  };
  const webp = row.variants
    .filter((variant) => variant.format === 'webp')
    .sort((left, right) => left.width - right.width);
  const variant = webp.find((candidate) => minWidth === undefined || candidate.width >= minWidth);
  if (!variant) {
    return original;
  }

  return {
    objectKey: variant.objectKey,
    contentType: mimeOfFormat[variant.format],
    sizeBytes: variant.sizeBytes,
  };
}

/**
 * Streams a thumbnail from the store. The bytes are sharp's output or sanitised SVG, and the
 * response runs no script even when opened directly, because it carries the same sandbox
 * policy as the public media routes.
 */
export async function serveThumbnail(
  c: Context<AppEnv>,
  store: MediaStore,
  thumbnail: ThumbnailObject,
) {
  const object = await store.get(thumbnail.objectKey);
  if (!object) {
    c.var.log.error({ objectKey: thumbnail.objectKey }, 'media object missing from the store');
    throw new AppError('not_found', 'The stored copy of this file is missing');
  }
  c.header('Content-Type', thumbnail.contentType);
  c.header('Content-Length', String(object.size));
  c.header('Content-Disposition', 'inline');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  // The objects under one media id never change, and only signed-in staff may load this copy.
  c.header('Cache-Control', 'private, max-age=86400');

  return c.body(Readable.toWeb(object.body) as unknown as ReadableStream<Uint8Array>, 200);
}
