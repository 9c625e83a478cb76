import type { OwnSubmission, WorkflowEvent } from './item-types.ts';

/** The events in which the unit itself speaks: its first submission and each resubmission. */
export const unitActions = new Set(['submit_from_unit', 'resubmit_from_unit']);

/** Finds the standing section's latest note on a submission, if it has written one. */
export function latestDeskNote(submission: OwnSubmission) {
  const notes = submission.notes.filter((note) => !unitActions.has(note.action));

  return notes.at(-1);
}

/** Finds the latest return, whose note explains what to change before sending again. */
export function latestReturnNote(events: readonly WorkflowEvent[]) {
  return [...events]
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    .filter((event) => event.toState === 'returned' && event.note)
    .at(-1);
}
