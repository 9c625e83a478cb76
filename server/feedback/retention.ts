import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';

/**
 * Sender details are removed this long after a case is closed.
 *
 * NOTE: two years is a default chosen here, not a rule from a regulation; it is to become a
 * board policy with per-tenant values.
 */
export const personalDataRetentionDays = 2 * 365;

const dayMs = 86_400_000;

/**
 * When a closed case was closed: its publication, or its last change for a rejected or merged
 * case, since nothing changes a case after it is closed.
 */
const closedAt = sql`coalesce(${feedbackCases.publishedAt}, ${feedbackCases.updatedAt})`;

/**
 * Clears the sender's name, contacts and organisation of a tenant's cases that were closed more
 * than the retention period before `now`, and sets `personal_data_removed_at`. The case, its
 * subject, text, answer and history stay. Returns how many cases were cleared.
 *
 * NOTE: attachments are kept in the portal's media library; removing them with the sender's
 * details needs a way to tell feedback attachments from editorial media.
 */
export async function removeExpiredPersonalData(db: Db, tenantId: string, now = new Date()) {
  const cutoff = new Date(now.getTime() - personalDataRetentionDays * dayMs);

  return withTenant(db, tenantId, async (tx) => {
    const cleared = await tx
      .update(feedbackCases)
      .set({
        senderName: null,
        senderEmail: null,
        senderPhone: null,
        senderOrganisation: null,
        personalDataRemovedAt: now,
      })
      .where(
        and(
          eq(feedbackCases.tenantId, tenantId),
          inArray(feedbackCases.status, ['published', 'rejected', 'merged']),
          isNull(feedbackCases.personalDataRemovedAt),
          // An ISO string, since postgres.js does not bind a Date inside raw SQL.
          sql`${closedAt} < ${cutoff.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: feedbackCases.id, status: feedbackCases.status });
    for (const row of cleared) {
      await tx.insert(feedbackEvents).values({
        tenantId,
        caseId: row.id,
        action: 'remove_personal_data',
        fromState: row.status,
        toState: row.status,
        note: `retention period of ${personalDataRetentionDays} days ended`,
      });
      await appendAudit(tx, {
        tenantId,
        actorUserId: null,
        action: 'feedback.remove_personal_data',
        resourceType: 'feedback_case',
        resourceId: row.id,
        after: { personalDataRemovedAt: now.toISOString() },
      });
    }

    return cleared.length;
  });
}
