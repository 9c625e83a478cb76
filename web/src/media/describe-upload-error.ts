import type { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import { formatFileSize } from './format-size.ts';
import { UploadError } from './upload-file.ts';

export type UploadErrorDescription = {
  /** One sentence in the user's language. */
  summary: string;
  /** The server's own sentence (English), which names the type or the limit in question. */
  detail: string | undefined;
  /** Whether sending the same file again may work: the failure was not about the file. */
  isRetryable: boolean;
};

type Limits = { maxFileBytes: number | undefined };

/** Describes why one upload failed, for the line of that file in the upload list. */
export function describeUploadError(
  error: ApiError,
  i18n: I18n,
  limits: Limits,
): UploadErrorDescription {
  const limit = error instanceof UploadError ? error.limit : undefined;
  const isAboutFile = error.fields.some((field) => field.field === 'file');

  if (error.code === 'payload_too_large' && limit === 'quota') {
    return { summary: i18n.t('media.upload.quotaFull'), detail: error.message, isRetryable: false };
  }
  if (error.code === 'payload_too_large') {
    const summary =
      limits.maxFileBytes === undefined
        ? i18n.t('media.upload.tooLargeNoLimit')
        : i18n.t('media.upload.tooLarge', {
            limit: formatFileSize(limits.maxFileBytes, i18n.locale()),
          });
    return { summary, detail: undefined, isRetryable: false };
  }
  if (error.code === 'invalid_input' && isAboutFile) {
    return { summary: i18n.t('media.upload.rejected'), detail: error.message, isRetryable: false };
  }
  if (error.code === 'unavailable') {
    return {
      summary: i18n.t('media.upload.storageUnavailable'),
      detail: undefined,
      isRetryable: true,
    };
  }
  const described = describeError(error, i18n.t);
  const isRetryable = ['network', 'internal', 'rate_limited'].includes(error.code);

  return { summary: described.summary, detail: described.detail, isRetryable };
}
