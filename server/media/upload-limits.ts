import { AppError } from '../errors.ts';
import type { DetectedType } from './detect-type.ts';
import { containsMarkup } from './detect-type.ts';
import { formatBytes } from './format-bytes.ts';
import { describeMime } from './media-types.ts';

/** Upload limits of one tenant, whose effective values the board-policy module supplies. */
export type UploadLimits = {
  /** MIME types accepted, as detected from the bytes. SVG is governed by `allowSvg` alone. */
  allowedTypes: string[];
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The maximum bytes the tenant's originals may take up together; variants are not counted. */
  quotaBytes: number;
  /** Whether SVG images are accepted; they are sanitised before they are stored. */
  allowSvg: boolean;
};

const mebibyte = 1024 * 1024;

/** The code defaults of the upload policies; `effectiveUploadLimits()` resolves a tenant's. */
export const defaultUploadLimits: UploadLimits = {
  allowedTypes: [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/gif',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'video/mp4',
    'video/webm',
    'audio/mpeg',
  ],
  maxBytes: 20 * mebibyte,
  quotaBytes: 2 * 1024 * mebibyte,
  allowSvg: false,
};

function rejectFile(message: string, fieldMessage = message): AppError {
  return new AppError('invalid_input', message, {
    fields: [{ field: 'file', message: fieldMessage }],
  });
}

function allowedExtensions(limits: UploadLimits): string {
  const extensions = limits.allowedTypes.map((mime) => describeMime(mime, mime).extension);
  if (limits.allowSvg) {
    extensions.push('svg');
  }

  return extensions.join(', ');
}

/** Kinds whose bytes reach the store unchanged, so markup in them must not be there. */
const storedAsIs = new Set(['pdf', 'document', 'other']);

/**
 * Throws an `invalid_input` AppError unless the detected type may be stored under `limits`.
 * HTML is rejected even when the list contains it. A file stored as is (PDF, office document) is also
 * rejected when its first KiB holds HTML tags, the mark of a polyglot built for browsers that
 * sniff content.
 */
export function checkFileType(
  type: DetectedType | undefined,
  head: Buffer,
  limits: UploadLimits,
): asserts type is DetectedType {
  const allowed = `Allowed types: ${allowedExtensions(limits)}.`;
  if (!type) {
    throw rejectFile(`The file type is not recognised. ${allowed}`);
  }
  if (type.kind === 'html') {
    throw rejectFile('HTML files are not accepted.');
  }
  if (type.kind === 'svg') {
    if (!limits.allowSvg) {
      throw rejectFile(`SVG images are not accepted on this portal. ${allowed}`);
    }
    return;
  }

  if (!limits.allowedTypes.includes(type.mime)) {
    if (type.kind === 'executable') {
      throw rejectFile('Programs and installers are not accepted.');
    }
    if (type.kind === 'archive') {
      throw rejectFile(`Archives (${type.extension}) are not accepted. ${allowed}`);
    }
    throw rejectFile(`Files of type ${type.mime} are not accepted. ${allowed}`);
  }
  if (type.hasMacros) {
    throw rejectFile(
      'Documents with macros are not accepted. Save the document without macros and upload it again.',
    );
  }
  if (storedAsIs.has(type.kind) && containsMarkup(head)) {
    throw rejectFile(
      `The file contains HTML markup, which is not accepted in a ${type.extension} file.`,
    );
  }
}

/** Throws a `payload_too_large` AppError when `incomingBytes` would take the tenant past quota. */
export function checkQuota(usedBytes: number, incomingBytes: number, limits: UploadLimits): void {
  if (usedBytes + incomingBytes <= limits.quotaBytes) {
    return;
  }
  const quota = formatBytes(limits.quotaBytes);
  const message =
    `The portal's storage quota of ${quota} would be exceeded: ${formatBytes(usedBytes)} is ` +
    `in use and this file needs ${formatBytes(incomingBytes)}. Delete unused files first.`;

  throw new AppError('payload_too_large', message, {
    fields: [{ field: 'file', message: `The storage quota of ${quota} is full.` }],
    details: { limit: 'quota', quotaBytes: limits.quotaBytes, usedBytes },
  });
}
