import { and, eq } from 'drizzle-orm';

import { feedbackCases, jobs, tenants } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { enqueue, type Job } from '../jobs/index.ts';
import type { FeedbackDependencies } from './dependencies.ts';

export const trackingCodeMailJobKind = 'feedback.tracking_code_mail';

/**
 * The number of attempts at a tracking-code mail. With the worker's delays, doubling from 30
 * seconds, the eighth attempt runs about 63 minutes after the first.
 */
const trackingCodeMailAttempts = 8;

export type TrackingCodeMailOptions = {
  tenantId: string;
  caseId: string;
  trackingCode: string;
  lookupUrl: string | null;
};

/**
 * Enqueues the mail of a new case's tracking code in the caller's transaction, so the mail is
 * due exactly when the case is stored and a failed send only delays it. The recipient is read
 * from the case when the job runs, so an address removed meanwhile is not mailed.
 */
export async function enqueueTrackingCodeMail(tx: Tx, options: TrackingCodeMailOptions) {
  await enqueue(tx, {
    kind: trackingCodeMailJobKind,
    tenantId: options.tenantId,
    payload: {
      caseId: options.caseId,
      trackingCode: options.trackingCode,
      lookupUrl: options.lookupUrl,
    },
    maxAttempts: trackingCodeMailAttempts,
    dedupeKey: `${trackingCodeMailJobKind}:${options.caseId}`,
  });
}

/**
 * Removes the tracking code from the job's payload. Only its hash is kept with the case, so the
 * readable code stays in the jobs table only while the mail may still be sent.
 */
async function forgetTrackingCode(deps: FeedbackDependencies, job: Job) {
  const { trackingCode: _sent, ...rest } = job.payload;
  await withoutTenant(deps.db, (tx) =>
    tx.update(jobs).set({ payload: rest }).where(eq(jobs.id, job.id)),
  );
}

async function findRecipient(deps: FeedbackDependencies, tenantId: string, caseId: string) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const [row] = await tx
      .select({
        email: feedbackCases.senderEmail,
        receivedAt: feedbackCases.receivedAt,
        nameVi: tenants.nameVi,
        nameEn: tenants.nameEn,
      })
      .from(feedbackCases)
      .innerJoin(tenants, eq(tenants.id, feedbackCases.tenantId))
      .where(and(eq(feedbackCases.tenantId, tenantId), eq(feedbackCases.id, caseId)));

    return row;
  });
}

/**
 * Runs one tracking-code mail job: mails the code to the address stored with the case, then
 * forgets the code. A failed send throws so the worker retries it, and the last attempt forgets
 * the code whatever its outcome. A case without an address sends nothing.
 */
export async function deliverTrackingCodeMail(deps: FeedbackDependencies, job: Job) {
  const { caseId, trackingCode, lookupUrl } = job.payload;
  if (!job.tenantId || typeof caseId !== 'string' || typeof trackingCode !== 'string') {
    return;
  }
  const recipient = await findRecipient(deps, job.tenantId, caseId);
  if (!recipient?.email) {
    await forgetTrackingCode(deps, job);
    return;
  }

  try {
    await deps.notifier.sendTrackingCode({
      to: recipient.email,
      trackingCode,
      portal: { nameVi: recipient.nameVi, nameEn: recipient.nameEn },
      lookupUrl: typeof lookupUrl === 'string' ? lookupUrl : null,
      receivedAt: recipient.receivedAt,
    });
  } catch (error) {
    if (job.attempts >= job.maxAttempts) {
      await forgetTrackingCode(deps, job);
    }
    throw error;
  }
  await forgetTrackingCode(deps, job);
}
