import type { I18n } from '../i18n/create-i18n.ts';
import { ApiError } from './api-error.ts';

export type ErrorDescription = {
  /** One sentence for the user, in their language. */
  summary: string;
  /** A message per form field the server named, in the user's language. */
  fieldMessages: Record<string, string>;
  /** The server's own sentence (English), for the cases where it adds a reason. */
  detail: string | undefined;
};

type Translate = I18n['t'];

/** Turns the server's English field messages into the user's language. */
function translateFieldMessage(message: string, t: Translate): string {
  const minLength = /^must be at least (\d+) characters long$/.exec(message);
  if (minLength) {
    return t('field.minLength', { count: minLength[1] ?? '' });
  }
  if (message === 'must not contain your name or email') {
    return t('field.personal');
  }
  if (message === 'incorrect') {
    return t('field.incorrect');
  }
  if (message === 'invalid' || message === 'invalid or already used') {
    return t('field.codeInvalid');
  }
  if (message === 'already in use') {
    return t('field.emailInUse');
  }
  return t('field.invalid');
}

/** Describes a failed call for the user: a summary by error code, and a message per field. */
export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return { summary: t('error.internal'), fieldMessages: {}, detail: undefined };
  }
  const fieldMessages: Record<string, string> = {};
  for (const problem of error.fields) {
    fieldMessages[problem.field] ??= translateFieldMessage(problem.message, t);
  }
  const summaries: Record<ApiError['code'], string> = {
    invalid_input: t('error.invalidInput'),
    unauthenticated: t('error.unauthenticated'),
    forbidden: t('error.forbidden'),
    not_found: t('error.notFound'),
    conflict: t('error.conflict'),
    payload_too_large: t('error.payloadTooLarge'),
    rate_limited: error.retryAfterSeconds
      ? t('error.rateLimitedFor', { minutes: Math.ceil(error.retryAfterSeconds / 60) })
      : t('error.rateLimited'),
    unavailable: t('error.unavailable'),
    internal: t('error.internal'),
    network: t('error.network'),
  };
  const hasReason = ['forbidden', 'conflict', 'not_found'].includes(error.code);

  return {
    summary: summaries[error.code],
    fieldMessages,
    detail: hasReason ? error.message : undefined,
  };
}
