import { and, eq, inArray, lt, sql } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { contentItems, contentRevisions, tenants, workflowEvents } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import { enqueue, type JobWorker } from '../jobs/index.ts';
import { applyTimedStep, type WorkflowDependencies } from './apply-transition.ts';

type TimedPayload = { itemId?: unknown; publishAt?: unknown; unpublishAt?: unknown };

/** Expired legal documents leave the public lists one year after they expire. */
const expiredLegalRetentionMs = 365 * 24 * 3_600_000;

/**
 * Archives the legal documents of a tenant that expired more than a year ago. Nothing is
 * deleted: other items are kept (for at least five years, and in fact indefinitely).
 */
export async function archiveExpiredLegalDocuments(
  deps: WorkflowDependencies,
  tenantId: string,
  now = new Date(),
) {
  const cutoff = new Date(now.getTime() - expiredLegalRetentionMs).toISOString().slice(0, 10);
  const archived = await withTenant(deps.db, tenantId, async (tx) => {
    const expired = await tx
      .select({ item: contentItems })
      .from(contentItems)
      .innerJoin(
        contentRevisions,
        and(
          eq(contentRevisions.tenantId, contentItems.tenantId),
          eq(contentRevisions.id, contentItems.publishedRevisionId),
        ),
      )
      .where(
        and(
          eq(contentItems.tenantId, tenantId),
          eq(contentItems.type, 'legal_document'),
          inArray(contentItems.status, ['published', 'updated']),
          lt(sql`${contentRevisions.fields}->>'expiresOn'`, cutoff),
        ),
      );
    for (const { item } of expired) {
      await tx
        .update(contentItems)
        .set({ status: 'archived', archivedAt: now, updatedAt: now })
        .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, item.id)));
      await tx.insert(workflowEvents).values({
        tenantId,
        itemId: item.id,
        action: 'retention_archive',
        fromState: item.status,
        toState: 'archived',
        note: 'expired more than one year ago',
        sourceTenantId: item.sourceTenantId,
      });
      await appendAudit(tx, {
        tenantId,
        actorUserId: null,
        action: 'content.retention_archive',
        resourceType: item.type,
        resourceId: item.id,
        before: { status: item.status },
        after: { status: 'archived' },
      });
    }
    return expired.length;
  });
  if (archived > 0) {
    deps.onPublicChange(tenantId);
  }

  return archived;
}

function dayKey(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Enqueues the retention run of the day of `runAt`. The dedupe key holds one run per day, so
 * every instance may call this at start-up.
 */
export async function enqueueRetentionRun(deps: WorkflowDependencies, runAt: Date) {
  await enqueue(deps.db, {
    kind: 'content.retention',
    payload: {},
    runAt,
    dedupeKey: `content.retention:${dayKey(runAt)}`,
  });
}

/** Registers the content jobs: timed publication and unpublication, and the daily retention run. */
export function registerContentJobs(worker: JobWorker, deps: WorkflowDependencies) {
  worker.register('content.publish_scheduled', async ({ job }) => {
    const payload = job.payload as TimedPayload;
    if (
      job.tenantId &&
      typeof payload.itemId === 'string' &&
      typeof payload.publishAt === 'string'
    ) {
      await applyTimedStep(deps, job.tenantId, payload.itemId, {
        kind: 'publish',
        at: payload.publishAt,
      });
    }
  });
  worker.register('content.unpublish_scheduled', async ({ job }) => {
    const payload = job.payload as TimedPayload;
    if (
      job.tenantId &&
      typeof payload.itemId === 'string' &&
      typeof payload.unpublishAt === 'string'
    ) {
      await applyTimedStep(deps, job.tenantId, payload.itemId, {
        kind: 'unpublish',
        at: payload.unpublishAt,
      });
    }
  });
  worker.register('content.retention', async ({ log }) => {
    const all = await withoutTenant(deps.db, (tx) => tx.select({ id: tenants.id }).from(tenants));
    let archived = 0;
    for (const tenant of all) {
      archived += await archiveExpiredLegalDocuments(deps, tenant.id);
    }
    log.info({ archived }, 'retention run finished');
    await enqueueRetentionRun(deps, new Date(Date.now() + 24 * 3_600_000));
  });
}
