import { tenants } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { enqueue, type JobWorker } from '../jobs/index.ts';
import type { MediaStore } from '../media/store.ts';
import { purgeUsedChallenges } from './challenge.ts';
import type { FeedbackDependencies } from './dependencies.ts';
import { deliverTrackingCodeMail, trackingCodeMailJobKind } from './mail-jobs.ts';
import { purgeRateLimits } from './rate-limit.ts';
import { reminderJobKind, sendDeadlineReminder } from './reminders.ts';
import { removeExpiredPersonalData } from './retention.ts';

export const retentionJobKind = 'feedback.retention';

/**
 * Enqueues the feedback retention run of the day of `runAt`. The dedupe key holds one run per
 * day, so every instance may call this at start-up.
 */
export async function enqueueFeedbackRetentionRun(db: Db, runAt: Date) {
  await enqueue(db, {
    kind: retentionJobKind,
    payload: {},
    runAt,
    dedupeKey: `${retentionJobKind}:${runAt.toISOString().slice(0, 10)}`,
  });
}

/**
 * Registers the feedback jobs: tracking-code mails, deadline reminders, and the daily run that
 * removes expired sender details and old anti-abuse records.
 */
export function registerFeedbackJobs(
  worker: JobWorker,
  deps: FeedbackDependencies,
  store: MediaStore,
) {
  worker.register(trackingCodeMailJobKind, ({ job }) => deliverTrackingCodeMail(deps, job));
  worker.register(reminderJobKind, async ({ job }) => {
    if (job.tenantId) {
      await sendDeadlineReminder(deps, job.tenantId, job.payload);
    }
  });
  worker.register(retentionJobKind, async ({ log }) => {
    const all = await withoutTenant(deps.db, (tx) => tx.select({ id: tenants.id }).from(tenants));
    let cleared = 0;
    for (const tenant of all) {
      cleared += await removeExpiredPersonalData(deps.db, store, tenant.id, { log });
    }
    const challenges = await purgeUsedChallenges(deps.db);
    const counters = await purgeRateLimits(deps.db);
    log.info({ cleared, challenges, counters }, 'feedback retention run finished');
    await enqueueFeedbackRetentionRun(deps.db, new Date(Date.now() + 24 * 3_600_000));
  });
}
