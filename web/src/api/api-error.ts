/** The error codes the admin API sends, plus `network` when no response arrived at all. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'network';

/** The code to assume when a response carries no error body of ours (e.g. from a proxy). */
const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

const knownCodes = new Set<string>(Object.values(codeByStatus));

export type FieldProblem = { field: string; message: string };

type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown } };

function readFields(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (item): item is FieldProblem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as FieldProblem).field === 'string' &&
      typeof (item as FieldProblem).message === 'string',
  );
}

/** A failed admin API call: the server's error body, or `network` when the server was not reached. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[];
  /** From `Retry-After`, for 429 and 503. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    fields?: FieldProblem[];
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Builds the error of a response from its status and body; a body that is not ours still works. */
  static fromResponse(response: Response, body: unknown): ApiError {
    const error = typeof body === 'object' && body !== null ? (body as ErrorBody).error : undefined;
    const code =
      typeof error?.code === 'string' && knownCodes.has(error.code)
        ? (error.code as ApiErrorCode)
        : (codeByStatus[response.status] ?? 'internal');
    const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after'));

    return new ApiError({
      status: response.status,
      code,
      message,
      fields: readFields(error?.fields),
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }

  /** Whether the server requires this user to set up a second factor before anything else. */
  get isEnrolmentRequired(): boolean {
    return this.code === 'forbidden' && this.fields.some((field) => field.field === 'secondFactor');
  }
}
