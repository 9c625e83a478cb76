import {
  contentTypeLabel,
  isContentType,
  isWorkflowState,
  workflowStateLabel,
} from '../content/content-names.ts';
import type { MessageKey } from '../i18n/create-i18n.ts';

const feedbackStates = [
  'received',
  'classified',
  'forwarded',
  'answered',
  'published',
  'rejected',
  'merged',
] as const;

/** Returns the label of a work-queue or activity entry's state, whichever kind of entry it is. */
export function entryStateLabel(kind: 'content' | 'feedback', state: string): MessageKey | null {
  if (kind === 'content') {
    return isWorkflowState(state) ? workflowStateLabel(state) : null;
  }
  return (feedbackStates as readonly string[]).includes(state)
    ? (`dashboard.feedbackState.${state}` as MessageKey)
    : null;
}

/** Returns the label of what an entry is: its content type, or feedback. */
export function entryKindLabel(kind: 'content' | 'feedback', type: string): MessageKey {
  if (kind === 'content') {
    return isContentType(type) ? contentTypeLabel(type) : 'dashboard.item';
  }
  return 'dashboard.kindFeedback';
}
