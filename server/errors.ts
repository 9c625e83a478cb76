import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppEnv } from './app-env.ts';

/** The closed set of error codes the server answers with, and the HTTP status of each. */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

/** One failed field of a request, named by its path in the input. */
export type FieldProblem = { field: string; message: string };

/**
 * An error meant for the client: `message` is shown to the user, `logMessage` (when given) only
 * goes to the log.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly logMessage: string | undefined;
  /** Sent as `Retry-After` with a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;
  /** Extra data for the client, e.g. the items that still use a file. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: FieldProblem[];
      logMessage?: string;
      cause?: unknown;
      retryAfterSeconds?: number;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.logMessage = options.logMessage;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

/**
 * PostgreSQL codes for text it cannot hold: 22021 (invalid byte sequence, which a NUL
 * character gives) and 22P05 (untranslatable character). They come from what a client sent.
 */
const unstorableTextCodes = new Set(['22021', '22P05']);

function isUnstorableTextError(error: Error): boolean {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = cause?.code ?? (error as { code?: unknown }).code;

  return typeof code === 'string' && unstorableTextCodes.has(code);
}

/** The one error handler: typed errors become their status, anything else a logged 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) {
    if (error.status >= 500) {
      c.var.log.error({ err: error, code: error.code }, error.logMessage ?? error.message);
    }
    if (error.retryAfterSeconds !== undefined) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    }
    const body = { code: error.code, message: error.message, fields: error.fields };
    const withDetails = error.details ? { ...body, details: error.details } : body;
    return c.json({ error: withDetails }, error.status);
  }
  if (error instanceof HTTPException) {
    // Hono raises these itself, e.g. for a body that is not valid JSON.
    const code =
      (Object.keys(errorStatus) as ErrorCode[]).find((key) => errorStatus[key] === error.status) ??
      'invalid_input';
    const status = error.status >= 500 ? 500 : error.status;
    return c.json({ error: { code, message: error.message, fields: [] } }, status);
  }

  if (isUnstorableTextError(error)) {
    c.var.log.info({ err: error }, 'request rejected: text the database cannot store');
    const message = 'The input contains a character that cannot be stored, such as a NUL byte';
    return c.json({ error: { code: 'invalid_input', message, fields: [] } }, 400);
  }

  c.var.log.error({ err: error }, 'request failed');
  return c.json(
    {
      error: { code: 'internal', message: 'Internal server error', fields: [] },
    },
    500,
  );
}
