import type { Action } from '../access/permissions.ts';
import type { FeedbackState } from '../db/schema/index.ts';

/** The handling steps staff take on a case. */
export const caseStepNames = [
  'classify',
  'forward',
  'reject',
  'merge',
  'answer',
  'return',
  'approve',
  'publish',
  'progress_note',
] as const;
export type CaseStepName = (typeof caseStepNames)[number];

export type CaseStepRule = {
  permission: Action;
  /** The states the step starts from. */
  from: readonly FeedbackState[];
  /**
   * `owner`: only the portal that received the case. `either`: also the unit it was forwarded
   * to, which reads and updates it through the `assigned_tenant_id` policies.
   */
  by: 'owner' | 'either';
};

/**
 * The handling steps: receive, classify, forward to the competent unit, draft the answer,
 * review it (return it for rework or approve it), publish it. Rejecting and merging close a
 * case without an answer; progress notes are public and keep the state.
 */
export const caseSteps: Record<CaseStepName, CaseStepRule> = {
  classify: { permission: 'feedback.classify', from: ['received', 'classified'], by: 'owner' },
  forward: { permission: 'feedback.forward', from: ['classified', 'forwarded'], by: 'owner' },
  reject: {
    permission: 'feedback.reject',
    from: ['received', 'classified', 'forwarded'],
    by: 'owner',
  },
  merge: {
    permission: 'feedback.reject',
    from: ['received', 'classified', 'forwarded'],
    by: 'owner',
  },
  answer: {
    permission: 'feedback.answer',
    from: ['classified', 'forwarded', 'answered'],
    by: 'either',
  },
  return: { permission: 'feedback.approve', from: ['answered'], by: 'owner' },
  approve: { permission: 'feedback.approve', from: ['answered'], by: 'either' },
  publish: { permission: 'feedback.publish', from: ['answered'], by: 'owner' },
  progress_note: {
    permission: 'feedback.answer',
    from: ['received', 'classified', 'forwarded', 'answered'],
    by: 'either',
  },
};
