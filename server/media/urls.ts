import type { MediaVariant } from '../db/schema/media.ts';
import { extensionOfFormat } from './images.ts';

/** Route patterns of the public media URLs; the file name only makes links readable. */
export const mediaRoutePaths = {
  original: '/media/:id/:fileName',
  variant: '/media/:id/w/:width/:fileName',
} as const;

type LinkedMedia = { id: string; originalName: string };

function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');

  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** Returns the path of a stored original, relative to the tenant's host. */
export function mediaPath(row: LinkedMedia): string {
  return `/media/${row.id}/${encodeURIComponent(row.originalName)}`;
}

/**
 * Returns the path of one variant. Its file name carries the variant's extension, from which
 * the route picks the WebP copy or the one in the original's format.
 */
export function variantPath(row: LinkedMedia, variant: Pick<MediaVariant, 'width' | 'format'>) {
  const fileName = `${stemOf(row.originalName)}.${extensionOfFormat[variant.format]}`;

  return `/media/${row.id}/w/${variant.width}/${encodeURIComponent(fileName)}`;
}
