import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { MediaVariant } from '../db/schema/media.ts';
import { AppError } from '../errors.ts';
import type { DetectedType } from './detect-type.ts';
import {
  extensionOfFormat,
  imageFormatOf,
  mimeOfFormat,
  processImage,
  readSvgSize,
} from './images.ts';
import { createObjectKey, variantObjectKey } from './object-keys.ts';

/** One file to put into the store. */
export type PendingObject = { key: string; file: string; contentType: string; sizeBytes: number };

/** The objects to store for one upload, and the row fields that come from them. */
export type PreparedMedia = {
  objects: PendingObject[];
  objectKey: string;
  contentType: string;
  extension: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  variants: MediaVariant[];
};

async function prepareImage(
  tenantId: string,
  file: string,
  type: DetectedType,
  workFolder: string,
): Promise<PreparedMedia | undefined> {
  const format = imageFormatOf(type.mime);
  if (!format) {
    return undefined;
  }
  const { original, variants } = await processImage(file, format, workFolder);
  const extension = extensionOfFormat[format];
  const objectKey = createObjectKey(tenantId, extension);
  const variantObjects = variants.map((variant) => ({
    key: variantObjectKey(objectKey, variant.width, extensionOfFormat[variant.format]),
    file: variant.file,
    contentType: mimeOfFormat[variant.format],
    sizeBytes: variant.sizeBytes,
  }));

  return {
    objects: [
      {
        key: objectKey,
        file: original.file,
        contentType: type.mime,
        sizeBytes: original.sizeBytes,
      },
      ...variantObjects,
    ],
    objectKey,
    contentType: type.mime,
    extension,
    sizeBytes: original.sizeBytes,
    width: original.width,
    height: original.height,
    variants: variants.map((variant, index) => ({
      width: variant.width,
      height: variant.height,
      format: variant.format,
      objectKey: variantObjects[index]!.key,
      sizeBytes: variant.sizeBytes,
    })),
  };
}

async function prepareSvg(tenantId: string, file: string, workFolder: string) {
  // Loaded on first use: jsdom takes a noticeable time to import and most portals never
  // accept SVG.
  const { sanitizeSvg } = await import('./svg.ts');
  const sanitised = sanitizeSvg(await readFile(file, 'utf8'));
  if (!sanitised) {
    throw new AppError('invalid_input', 'The SVG image is not valid.', {
      fields: [{ field: 'file', message: 'The file has no <svg> root or declares entities.' }],
    });
  }
  const sanitisedFile = path.join(workFolder, 'sanitised.svg');
  await writeFile(sanitisedFile, sanitised);
  const size = await readSvgSize(sanitisedFile);
  const sizeBytes = Buffer.byteLength(sanitised);
  const objectKey = createObjectKey(tenantId, 'svg');

  return {
    objects: [{ key: objectKey, file: sanitisedFile, contentType: 'image/svg+xml', sizeBytes }],
    objectKey,
    contentType: 'image/svg+xml',
    extension: 'svg',
    sizeBytes,
    width: size?.width ?? null,
    height: size?.height ?? null,
    variants: [],
  } satisfies PreparedMedia;
}

/**
 * Prepares the objects of an upload in `workFolder`: re-encoded images with their variants, a
 * sanitised SVG, or the upload as it came for every other type.
 */
export async function prepareMedia(
  tenantId: string,
  file: string,
  sizeBytes: number,
  type: DetectedType,
  workFolder: string,
): Promise<PreparedMedia> {
  if (type.kind === 'image') {
    const image = await prepareImage(tenantId, file, type, workFolder);
    if (image) {
      return image;
    }
  }
  if (type.kind === 'svg') {
    return prepareSvg(tenantId, file, workFolder);
  }
  const objectKey = createObjectKey(tenantId, type.extension);

  return {
    objects: [{ key: objectKey, file, contentType: type.mime, sizeBytes }],
    objectKey,
    contentType: type.mime,
    extension: type.extension,
    sizeBytes,
    width: null,
    height: null,
    variants: [],
  };
}
