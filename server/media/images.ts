import path from 'node:path';

import sharp, { type Sharp, type SharpOptions } from 'sharp';

import type { MediaVariant } from '../db/schema/media.ts';
import { AppError } from '../errors.ts';

export type ImageFormat = MediaVariant['format'];

/** Widths of the resized copies, in CSS pixels; only those narrower than the image are made. */
export const variantWidths = [480, 960, 1600] as const;

const formatsByMime: Record<string, ImageFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

export const extensionOfFormat: Record<ImageFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
};

export const mimeOfFormat: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** A re-encoded image written to the work folder, not yet in the store. */
export type EncodedImage = {
  file: string;
  format: ImageFormat;
  width: number;
  height: number;
  sizeBytes: number;
};

export type ProcessedImage = {
  original: EncodedImage;
  variants: EncodedImage[];
};

/** Returns the sharp format for an image MIME type, or undefined for one sharp does not write. */
export function imageFormatOf(mime: string): ImageFormat | undefined {
  return formatsByMime[mime];
}

/**
 * Opens the input with the EXIF orientation applied. Every frame of an animated GIF or WebP
 * is kept. sharp's default `limitInputPixels` (about 268 million pixels) guards against
 * decompression bombs, and output keeps no metadata unless asked: EXIF (GPS included), XMP,
 * IPTC and ICC profiles are dropped, and the pixels are converted to sRGB.
 */
function openImage(input: string): Sharp {
  const options: SharpOptions = { animated: true, autoOrient: true };

  return sharp(input, options);
}

function encode(image: Sharp, format: ImageFormat, isOriginal: boolean): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: isOriginal ? 90 : 82, mozjpeg: true });
    case 'webp':
      return image.webp({ quality: isOriginal ? 90 : 80 });
    case 'avif':
      return image.avif({ quality: isOriginal ? 70 : 55 });
    case 'png':
      return image.png({ compressionLevel: 9 });
    case 'gif':
      return image.gif();
  }
}

async function writeImage(
  image: Sharp,
  format: ImageFormat,
  file: string,
  isOriginal: boolean,
): Promise<EncodedImage> {
  const info = await encode(image, format, isOriginal).toFile(file);

  // For an animated image `height` covers every frame stacked; one frame is `pageHeight`.
  return {
    file,
    format,
    width: info.width,
    height: info.pageHeight ?? info.height,
    sizeBytes: info.size,
  };
}

/**
 * Re-encodes an uploaded image into `workFolder`: the original without metadata and upright,
 * then, for each variant width narrower than the image, a WebP copy and a copy in the
 * original's format. Re-encoding also drops anything appended after the image data, such as
 * a ZIP archive in a JPEG/ZIP polyglot. Throws an `invalid_input` AppError when sharp cannot
 * decode the input.
 */
export async function processImage(
  input: string,
  format: ImageFormat,
  workFolder: string,
): Promise<ProcessedImage> {
  try {
    const original = await writeImage(
      openImage(input),
      format,
      path.join(workFolder, `original.${extensionOfFormat[format]}`),
      true,
    );
    const formats = format === 'webp' ? (['webp'] as const) : (['webp', format] as const);
    const variants: EncodedImage[] = [];
    for (const width of variantWidths.filter((candidate) => candidate < original.width)) {
      for (const variantFormat of formats) {
        const file = path.join(workFolder, `w${width}.${extensionOfFormat[variantFormat]}`);
        const resized = openImage(input).resize({ width });
        variants.push(await writeImage(resized, variantFormat, file, false));
      }
    }

    return { original, variants };
  } catch (error) {
    // sharp's decoding errors carry no errno code; a full work folder does and is not the
    // client's fault.
    if ((error as NodeJS.ErrnoException).code) {
      throw error;
    }
    throw new AppError('invalid_input', 'The image could not be read. Upload a valid image.', {
      fields: [{ field: 'file', message: 'The image is damaged or not a supported format.' }],
      logMessage: 'sharp could not process an uploaded image',
      cause: error,
    });
  }
}

/** Reads the dimensions of a sanitised SVG, or returns undefined when sharp cannot render it. */
export async function readSvgSize(file: string) {
  try {
    const metadata = await sharp(file).metadata();
    return { width: metadata.width, height: metadata.height };
  } catch {
    return undefined;
  }
}
