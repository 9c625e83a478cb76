import { ApiError } from '../api/api-error.ts';

export type FormPart = 'value' | 'bounds' | 'reason' | 'isLocked';

/** Returns the form part that a field the server named belongs to, e.g. `value` for `value.0`. */
function partOf(field: string): FormPart | undefined {
  const head = field.split('.')[0];
  return head === 'value' || head === 'bounds' || head === 'reason' || head === 'isLocked'
    ? head
    : undefined;
}

/**
 * Returns the server's own sentence for a form part, when the failed request named a field of
 * it. The sentence names the allowed range, so it is shown as it is, beside the field. Field
 * messages the sentence does not already contain are added after it.
 */
export function serverMessageFor(error: unknown, part: FormPart): string | undefined {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) {
    return undefined;
  }
  const fields = error.fields.filter((problem) => partOf(problem.field) === part);
  if (fields.length === 0) {
    return undefined;
  }
  const extra = fields
    .filter((problem) => !error.message.includes(problem.message))
    .map((problem) => `${problem.field}: ${problem.message}`);

  return [error.message, ...extra].join(' — ');
}
