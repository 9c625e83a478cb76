import { open } from 'node:fs/promises';

import { fileTypeFromFile } from 'file-type';

import { identifyCompoundDocument } from './compound-file.ts';
import { describeMime, type MediaType } from './media-types.ts';

export type DetectedType = MediaType & {
  /** Whether a legacy Office document carries a VBA project. */
  hasMacros: boolean;
};

/** How much of the start of a file the text checks read. */
export const sniffLength = 1024;

/**
 * Tags that make a browser, or a sniffing proxy, treat bytes as markup. Old browsers sniffed
 * the first 256 to 1024 bytes for such tags whatever the declared type was.
 */
const markupPattern =
  /<(!doctype\s+html|html|head|body|script|iframe|svg|object|embed|img|style|meta|\?xml-stylesheet)[\s/>]/i;

/** An optional BOM, XML declaration, comments and doctype, then an `<svg` root element. */
const svgPattern =
  /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+svg[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

const htmlPattern = /^\uFEFF?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script)/i;

/** Reads the first `sniffLength` bytes of a file. */
export async function readFileHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(sniffLength);
    const { bytesRead } = await handle.read(buffer, 0, sniffLength, 0);

    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Checks whether the start of a file contains a tag that a browser could render as markup. */
export function containsMarkup(head: Buffer): boolean {
  return markupPattern.test(head.toString('latin1'));
}

function detectTextType(head: Buffer): MediaType | undefined {
  const text = head.toString('utf8');
  if (svgPattern.test(text)) {
    return describeMime('image/svg+xml', 'svg');
  }
  if (htmlPattern.test(text)) {
    return describeMime('text/html', 'html');
  }

  return undefined;
}

/**
 * Detects the type of a stored upload from its bytes: magic numbers through `file-type`, the
 * stream names of compound files (.doc, .xls), and the start of text for SVG and HTML, which
 * have no magic number. Returns undefined for bytes of no recognised type. The file name and
 * the client's `Content-Type` are never consulted.
 */
export async function detectFileType(
  file: string,
  head: Buffer,
): Promise<DetectedType | undefined> {
  const detected = await fileTypeFromFile(file);

  if (detected?.mime === 'application/x-cfb') {
    const document = await identifyCompoundDocument(file);
    if (document) {
      return { ...describeMime(document.mime, ''), hasMacros: document.hasMacros };
    }
  }
  if (!detected || detected.mime === 'application/xml') {
    const textType = detectTextType(head);
    return textType ? { ...textType, hasMacros: false } : undefined;
  }

  return { ...describeMime(detected.mime, detected.ext), hasMacros: false };
}
