import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import type { FeedbackNotifier } from './notifier.ts';

/** What the feedback commands need: the database, the calendar, cache invalidation, mail. */
export type FeedbackDependencies = WorkflowDependencies & { notifier: FeedbackNotifier };
