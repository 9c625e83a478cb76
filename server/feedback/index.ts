export { createFeedbackAdminRoutes } from './admin-routes.ts';
export { createChallengeKeys } from './challenge.ts';
export { loadFeedbackDeadlines } from './deadlines.ts';
export type { FeedbackDependencies } from './dependencies.ts';
export { enqueueFeedbackRetentionRun, registerFeedbackJobs } from './jobs.ts';
export {
  createFeedbackNotifier,
  createLogOnlyNotifier,
  type FeedbackNotifier,
} from './notifier.ts';
export { feedbackPaths } from './paths.ts';
export { createFeedbackSite, type FeedbackSiteOptions } from './public-routes.tsx';
export { personalDataRetentionDays, removeExpiredPersonalData } from './retention.ts';
