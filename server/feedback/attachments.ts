import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { storeUpload, type MediaStore, type UploadLimits } from '../media/index.ts';
import { uploadLimitsFor } from '../policies/index.ts';

/** At most this many files come with one submission. */
export const maxAttachments = 3;
const mebibyte = 1024 * 1024;
const maxAttachmentBytes = 10 * mebibyte;

/** Scans, photos and documents: what a petition needs, and nothing that plays or runs. */
const attachmentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.oasis.opendocument.text',
];

/** The extensions the form names for the types above, in the same order. */
export const attachmentExtensions = ['JPG', 'PNG', 'WEBP', 'PDF', 'DOCX', 'DOC', 'ODT'];

/**
 * Returns the limits for a portal's feedback attachments: its own upload limits (from its
 * board policies), narrowed to the attachment types and at most 10 MiB a file.
 */
export function attachmentLimits(tenantLimits: UploadLimits): UploadLimits {
  return {
    ...tenantLimits,
    allowedTypes: tenantLimits.allowedTypes.filter((type) => attachmentTypes.includes(type)),
    maxBytes: Math.min(tenantLimits.maxBytes, maxAttachmentBytes),
    allowSvg: false,
  };
}

/** The maximum size of a whole submission: every attachment at its limit, plus the text. */
export const maxSubmissionBytes = maxAttachments * maxAttachmentBytes + mebibyte;

/** Returns the uploaded files of a form field, skipping the empty part sent when none is chosen. */
export function collectFiles(value: unknown): File[] {
  const values = Array.isArray(value) ? value : [value];

  return values.filter((item): item is File => item instanceof File && item.size > 0);
}

function formatMebibytes(bytes: number): string {
  return `${Math.round((bytes / mebibyte) * 10) / 10} MB`;
}

/**
 * Stores the files through the media checks (size, type detected from the bytes, markup,
 * quota) and returns their media ids. Throws an `invalid_input` AppError with a Vietnamese
 * message naming the first file that failed.
 */
export async function storeAttachments(
  db: Db,
  store: MediaStore,
  options: { tenantId: string; files: File[]; log: Logger },
): Promise<string[]> {
  const limits = attachmentLimits(await uploadLimitsFor(db)(options.tenantId));
  if (options.files.length > maxAttachments) {
    throw attachmentError(`Chỉ gửi được tối đa ${maxAttachments} tệp đính kèm.`);
  }
  for (const file of options.files) {
    if (file.size > limits.maxBytes) {
      throw attachmentError(
        `Tệp “${file.name}” nặng ${formatMebibytes(file.size)}, vượt quá giới hạn ` +
          `${formatMebibytes(limits.maxBytes)} cho mỗi tệp.`,
      );
    }
  }

  const ids: string[] = [];
  for (const file of options.files) {
    try {
      const stored = await storeUpload(db, store, {
        tenantId: options.tenantId,
        uploaderId: null,
        isPrivate: true,
        fileName: file.name,
        stream: file.stream() as WebReadableStream<Uint8Array>,
        limits,
        log: options.log,
      });
      ids.push(stored.media.id);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        options.log.info({ reason: error.message }, 'feedback attachment rejected');
        throw attachmentError(
          `Tệp “${file.name}” không đạt yêu cầu kiểm tra: chỉ nhận tệp ` +
            `${attachmentExtensions.join(', ')} thật sự đúng định dạng, không chứa mã HTML hay ` +
            `macro, tối đa ${formatMebibytes(limits.maxBytes)}.`,
        );
      }
      throw error;
    }
  }

  return ids;
}

function attachmentError(message: string): AppError {
  return new AppError('invalid_input', message, {
    fields: [{ field: 'attachments', message }],
  });
}
