import { createSignal } from 'solid-js';

import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import type { I18n, MessageKey } from '../i18n/create-i18n.ts';

/** The feedback API's own field messages, in the user's language. */
const serverFieldMessages: Record<string, MessageKey> = {
  'not a case this one can be merged into': 'feedback.error.mergeTarget',
  'give either intoCaseId or intoTrackingCode': 'feedback.error.mergeTarget',
  'is the receiving portal': 'feedback.error.ownPortal',
  'not an active portal': 'feedback.error.inactivePortal',
};

/**
 * Returns the message of a failed step for one form control, which may carry several of the
 * server's field names (classifying may fail on the forwarding it includes). Messages the
 * feedback API and zod give are translated here, and others go through `describeError`.
 */
export function stepFieldMessage(
  error: unknown,
  fields: readonly string[],
  t: I18n['t'],
): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }
  const problem = error.fields.find((candidate) => fields.includes(candidate.field));
  if (!problem) {
    return undefined;
  }
  const known = serverFieldMessages[problem.message];
  if (known) {
    return t(known);
  }
  // zod (checked with 4.6.7) reports a short string as "Too small: expected string to have >=5 characters".
  const minimum = /expected string to have >=(\d+) characters/.exec(problem.message);
  if (minimum) {
    return t('field.minLength', { count: minimum[1] ?? '' });
  }

  return describeError(error, t).fieldMessages[problem.field];
}

/**
 * Creates the state of one step's form: whether it is being sent and the last failure. `run`
 * sends one request, keeps its error, and returns whether it succeeded.
 */
export function createStepState() {
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    if (isBusy()) {
      return false;
    }
    setBusy(true);
    setError(undefined);
    try {
      await send();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { isBusy, error, run };
}

export type StepState = ReturnType<typeof createStepState>;
