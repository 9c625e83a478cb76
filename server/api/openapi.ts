import { OpenAPIHono, z } from '@hono/zod-openapi';

import type { AppEnv } from '../app-env.ts';
import type { FieldProblem } from '../errors.ts';

/** The body of every error response of the admin API. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  })
  .openapi('ErrorResponse');

function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

/**
 * Creates a router of the admin API. Input that fails its schema gets 400 with every failed
 * field named, in the same shape as every other error.
 */
export function createApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const fields = toFieldProblems(result.error as z.ZodError);
        const message = `Invalid input: ${fields.map((problem) => problem.field).join(', ')}`;
        return c.json({ error: { code: 'invalid_input', message, fields } }, 400);
      }
      return undefined;
    },
  });
}

/** A JSON request body for `createRoute`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

/** A JSON response for `createRoute`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The error responses most admin routes can give. */
export const errorResponses = {
  400: jsonResponse(ErrorResponseSchema, 'Invalid input; the fields are named'),
  401: jsonResponse(ErrorResponseSchema, 'Not signed in, or the session has ended'),
  403: jsonResponse(ErrorResponseSchema, 'Not allowed for this user'),
  404: jsonResponse(ErrorResponseSchema, 'Not found, or on a portal this user cannot see'),
} as const;

/**
 * The years a date in a request may fall in. Earlier years break PostgreSQL's conversion at
 * Vietnam's historical clock offset (year 1 turns into year 0), and no portal record is older.
 */
const earliestInstant = Date.UTC(1900, 0, 1);
const latestInstant = Date.UTC(10000, 0, 1);
const dateRangeMessage = 'must fall between the years 1900 and 9999';

/** Returns the schema of a calendar day, `YYYY-MM-DD`, in the years 1900 to 9999. */
export function calendarDate() {
  // A value in the wrong format already has its issue, so the range adds none.
  return z.iso
    .date()
    .refine((value) => !/^\d{4}-/.test(value) || Number(value.slice(0, 4)) >= 1900, {
      message: dateRangeMessage,
    });
}

/** Returns the schema of an ISO 8601 instant with its offset, in the years 1900 to 9999. */
export function instant() {
  return z.iso.datetime({ offset: true }).refine(
    (value) => {
      const time = Date.parse(value);
      return Number.isNaN(time) || (time >= earliestInstant && time < latestInstant);
    },
    { message: dateRangeMessage },
  );
}

export { z };
