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

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: FieldProblem[];
      logMessage?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.logMessage = options.logMessage;
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

/** The one error handler: typed errors become their status, anything else a logged 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) {
    if (error.status >= 500) {
      c.var.log.error({ err: error, code: error.code }, error.logMessage ?? error.message);
    }
    return c.json(
      {
        error: {
          code: error.code,
          message: error.message,
          fields: error.fields,
        },
      },
      error.status,
    );
  }
  if (error instanceof HTTPException) {
    return error.getResponse();
  }

  c.var.log.error({ err: error }, 'request failed');
  return c.json(
    {
      error: { code: 'internal', message: 'Internal server error', fields: [] },
    },
    500,
  );
}
