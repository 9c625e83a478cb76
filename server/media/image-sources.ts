import type { MediaVariant } from '../db/schema/media.ts';
import { imageFormatOf } from './images.ts';
import { mediaPath, variantPath } from './urls.ts';

/** An article column is at most about 960 CSS pixels wide and the full width below that. */
export const defaultImageSizes = '(max-width: 960px) 100vw, 960px';

type ImageMedia = {
  id: string;
  originalName: string;
  contentType: string;
  width: number | null;
  height: number | null;
  variants: MediaVariant[];
};

/** The attributes of an `<img>`, and of a `<source type="image/webp">` in a `<picture>`. */
export type ImageSources = {
  src: string;
  width: number | null;
  height: number | null;
  /** Candidates in the original's format, the original included; empty without variants. */
  srcset: string;
  /** WebP candidates for a `<source>`, or undefined when there are none. */
  webpSrcset: string | undefined;
  sizes: string;
};

function candidates(entries: { path: string; width: number }[]): string {
  return entries
    .sort((a, b) => a.width - b.width)
    .map((entry) => `${entry.path} ${entry.width}w`)
    .join(', ');
}

/**
 * Builds the `src`, `srcset` and `sizes` of an image row, for the public pages. `sizes`
 * describes the rendered width and defaults to an article column.
 */
export function buildImageSources(row: ImageMedia, sizes = defaultImageSizes): ImageSources {
  const originalFormat = imageFormatOf(row.contentType);
  const original = row.width ? [{ path: mediaPath(row), width: row.width }] : [];
  const inFormat = (format: MediaVariant['format']) =>
    row.variants
      .filter((variant) => variant.format === format)
      .map((variant) => ({ path: variantPath(row, variant), width: variant.width }));

  const sameFormat = originalFormat ? [...inFormat(originalFormat), ...original] : [];
  const webp = originalFormat === 'webp' ? [] : inFormat('webp');

  return {
    src: mediaPath(row),
    width: row.width,
    height: row.height,
    srcset: row.variants.length > 0 ? candidates(sameFormat) : '',
    webpSrcset: webp.length > 0 ? candidates(webp) : undefined,
    sizes,
  };
}
