import { transitions, type TransitionName } from '../../../../server/workflow/transitions.ts';
import type { MessageKey } from '../../i18n/create-i18n.ts';

/** The button label of a workflow step. */
export const actionLabel = (action: TransitionName): MessageKey => `editor.action.${action}`;

/** Events that are not steps a person takes in the admin, as the server records them. */
const otherEvents = [
  'create',
  'submit_from_unit',
  'resubmit_from_unit',
  'publish_scheduled',
  'unpublish_scheduled',
  'retention_archive',
] as const;

type OtherEvent = (typeof otherEvents)[number];

/** Returns the history's label of a recorded event, or undefined for an unknown action. */
export function eventLabel(action: string): MessageKey | undefined {
  if (action in transitions) {
    return `editor.event.${action as TransitionName}`;
  }
  if ((otherEvents as readonly string[]).includes(action)) {
    return `editor.event.${action as OtherEvent}`;
  }

  return undefined;
}

/** Checks whether the server rejects the step without a note: returning, escalating, taking down. */
export function requiresNote(action: TransitionName): boolean {
  const transition = transitions[action];

  return 'requiresNote' in transition && transition.requiresNote === true;
}

/** Checks whether a step opens a dialog first, to ask for a note, a date or the classification. */
export function needsDialog(action: TransitionName): boolean {
  return requiresNote(action) || action === 'schedule' || action === 'classify';
}

const dialogHelp: Partial<Record<TransitionName, MessageKey>> = {
  return: 'editor.transitionHelp.return',
  escalate: 'editor.transitionHelp.escalate',
  reject_escalated: 'editor.transitionHelp.reject_escalated',
  request_unpublish: 'editor.transitionHelp.request_unpublish',
  reject_unpublish: 'editor.transitionHelp.reject_unpublish',
  schedule: 'editor.transitionHelp.schedule',
  classify: 'editor.transitionHelp.classify',
};

/** Returns the sentence under a step dialog's title that explains what the step does. */
export const transitionHelp = (action: TransitionName): MessageKey | undefined =>
  dialogHelp[action];
