import type { Action } from '../access/permissions.ts';
import type { WorkflowState } from '../db/schema/index.ts';

/** One step of the editorial workflow that a person takes. */
export type Transition = {
  from: readonly WorkflowState[];
  to: WorkflowState;
  permission: Action;
  /** Returning, escalating and taking down must say why. */
  requiresNote?: boolean;
};

const beingHandled: readonly WorkflowState[] = [
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
];
const live: readonly WorkflowState[] = ['published', 'updated'];

/**
 * The editorial workflow as one table: a unit supplies an item, the standing section receives,
 * classifies, edits and reviews it, unclear or sensitive items go up to a board member or the
 * head, and only approved items are published. Member portals may skip the intake steps and go
 * from submitted straight to review.
 */
export const transitions = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'content.submit' },
  receive: { from: ['submitted'], to: 'received', permission: 'content.receive' },
  classify: { from: ['received'], to: 'classified', permission: 'content.classify' },
  start_editing: { from: ['classified'], to: 'editing', permission: 'content.review' },
  start_review: {
    from: ['submitted', 'received', 'classified', 'editing'],
    to: 'in_review',
    permission: 'content.review',
  },
  return: {
    from: [...beingHandled, 'approved', 'scheduled'],
    to: 'returned',
    permission: 'content.return',
    requiresNote: true,
  },
  escalate: {
    from: ['editing', 'in_review'],
    to: 'escalated',
    permission: 'content.escalate',
    requiresNote: true,
  },
  approve_escalated: {
    from: ['escalated'],
    to: 'approved',
    permission: 'content.approve_escalated',
  },
  reject_escalated: {
    from: ['escalated'],
    to: 'returned',
    permission: 'content.approve_escalated',
    requiresNote: true,
  },
  approve: { from: ['in_review'], to: 'approved', permission: 'content.approve' },
  publish: { from: ['approved'], to: 'published', permission: 'content.publish' },
  schedule: { from: ['approved'], to: 'scheduled', permission: 'content.publish' },
  cancel_schedule: { from: ['scheduled'], to: 'approved', permission: 'content.publish' },
  publish_update: { from: live, to: 'updated', permission: 'content.publish' },
  request_unpublish: {
    from: live,
    to: 'unpublish_requested',
    permission: 'content.unpublish_request',
    requiresNote: true,
  },
  unpublish: {
    from: [...live, 'unpublish_requested'],
    to: 'unpublished',
    permission: 'content.unpublish',
  },
  reject_unpublish: {
    from: ['unpublish_requested'],
    to: 'published',
    permission: 'content.unpublish',
    requiresNote: true,
  },
  reopen: { from: ['unpublished'], to: 'draft', permission: 'content.edit' },
  archive: {
    from: ['draft', 'returned', 'unpublished', ...live],
    to: 'archived',
    permission: 'content.archive',
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;
export const transitionNames = Object.keys(transitions) as TransitionName[];

/** States in which the live revision is on the public site, a pending take-down included. */
export const liveStates: readonly WorkflowState[] = [...live, 'unpublish_requested'];

/** States in which an item's text may be saved; approval is void once the text changes. */
export const editableStates: readonly WorkflowState[] = [
  'draft',
  'returned',
  ...beingHandled,
  ...live,
  'unpublished',
];

/** Lists the transitions that leave a state, for the admin's action buttons. */
export function transitionsFrom(state: WorkflowState): TransitionName[] {
  return transitionNames.filter((name) =>
    (transitions[name].from as readonly WorkflowState[]).includes(state),
  );
}
