import type { Tx } from '../db/types.ts';
import { effectivePolicies } from './registry.ts';

/** A tenant's time to answer feedback and petitions, and the interval of its progress notes. */
export type FeedbackDeadlines = {
  /** Days from the day of receipt to the answer. */
  answerDays: number;
  /** Working days between progress notes on a case not yet answered. */
  progressNoteWorkingDays: number;
};

/** Resolves the feedback deadlines in force for a tenant. Runs in the tenant's scope. */
export async function feedbackDeadlines(tx: Tx, tenantId: string): Promise<FeedbackDeadlines> {
  const policies = await effectivePolicies(tx, tenantId);

  return {
    answerDays: policies['feedback.answer_days'].value,
    progressNoteWorkingDays: policies['feedback.progress_working_days'].value,
  };
}
