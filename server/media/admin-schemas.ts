import { z } from '../api/openapi.ts';
import type { MediaVariant } from '../db/schema/media.ts';
import type { LibraryRow, MediaUsageItem } from './library.ts';
import { mediaPath, variantPath } from './urls.ts';

/** Raster formats whose stored copies sharp wrote, so the admin may show them on its origin. */
const reencodedImageTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** Checks whether the admin can show a thumbnail of a file: re-encoded images and SVG. */
export function hasThumbnail(contentType: string): boolean {
  return reencodedImageTypes.has(contentType) || contentType === 'image/svg+xml';
}

export const MediaVariantSchema = z.object({
  width: z.number().int(),
  format: z.enum(['webp', 'jpeg', 'png', 'gif', 'avif']),
  sizeBytes: z.number().int(),
  /** The variant's path on the portal's own host. */
  url: z.string(),
});

export const MediaItemSchema = z
  .object({
    id: z.uuid(),
    originalName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    altVi: z.string().nullable(),
    altEn: z.string().nullable(),
    url: z.string().openapi({ description: "The original's path on the portal's own host" }),
    publicUrl: z.string().openapi({ description: 'The absolute address of the original' }),
    thumbnailUrl: z.string().nullable().openapi({
      description:
        "A small copy served by the admin API on the admin's origin; null for files that are not images",
    }),
    variants: z.array(MediaVariantSchema),
    uploadedBy: z.uuid().nullable(),
    uploaderName: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MediaItem');

export const MediaStorageSchema = z
  .object({
    usedBytes: z.number().int(),
    quotaBytes: z.number().int(),
    maxFileBytes: z.number().int(),
    allowedTypes: z.array(z.string()),
    allowSvg: z.boolean(),
  })
  .openapi('MediaStorage');

export const MediaListSchema = z
  .object({
    media: z.array(MediaItemSchema),
    total: z.number().int(),
    storage: MediaStorageSchema,
  })
  .openapi('MediaList');

export const MediaUsageSchema = z.object({
  itemId: z.uuid(),
  type: z.string(),
  slug: z.string(),
  status: z.string(),
  titleVi: z.string().nullable(),
});

export const MediaDetailSchema = z
  .object({ media: MediaItemSchema, usages: z.array(MediaUsageSchema) })
  .openapi('MediaDetail');

export const StoredMediaSchema = z
  .object({ media: MediaItemSchema, isDuplicate: z.boolean() })
  .openapi('StoredMedia');

/** The 409 of a deletion: the error body with the published items that use the file. */
export const MediaInUseSchema = z
  .object({
    error: z.object({
      code: z.literal('conflict'),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })),
      details: z.object({
        usages: z.array(z.object({ itemId: z.uuid(), type: z.string(), slug: z.string() })),
      }),
    }),
  })
  .openapi('MediaInUse');

/** The bases of a presented file's addresses: the portal's public origin and the tenant id. */
export type MediaLinkBase = {
  tenantId: string;
  /** The portal's public origin, e.g. `https://ais.mic.gov.vn`, without a trailing slash. */
  publicOrigin: string;
};

function presentVariant(row: LibraryRow, variant: MediaVariant) {
  return {
    width: variant.width,
    format: variant.format,
    sizeBytes: variant.sizeBytes,
    url: variantPath(row, variant),
  };
}

/** Builds the admin's view of one file, field by field. */
export function presentMedia(
  row: LibraryRow,
  base: MediaLinkBase,
): z.infer<typeof MediaItemSchema> {
  const path = mediaPath(row);
  const thumbnailUrl = hasThumbnail(row.contentType)
    ? `/api/admin/media/${row.id}/thumbnail?tenantId=${base.tenantId}`
    : null;

  return {
    id: row.id,
    originalName: row.originalName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    altVi: row.altVi,
    altEn: row.altEn,
    url: path,
    publicUrl: `${base.publicOrigin}${path}`,
    thumbnailUrl,
    variants: row.variants.map((variant) => presentVariant(row, variant)),
    uploadedBy: row.uploadedBy,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Builds one usage line, field by field. */
export function presentUsage(usage: MediaUsageItem) {
  return {
    itemId: usage.itemId,
    type: usage.type,
    slug: usage.slug,
    status: usage.status,
    titleVi: usage.titleVi,
  };
}
