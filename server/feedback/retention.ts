import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents, media } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import type { Logger } from '../logger.ts';
import type { MediaStore } from '../media/store.ts';

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
 * Deletes the private media rows among `mediaIds` that no remaining case refers to, and returns
 * the object keys of their originals and variants, for the caller to remove from the store.
 */
async function deleteUnreferencedAttachments(tx: Tx, tenantId: string, mediaIds: string[]) {
  if (mediaIds.length === 0) {
    return [];
  }
  const idList = sql.join(
    mediaIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const stillReferenced = await tx
    .select({ ids: feedbackCases.attachmentMediaIds })
    .from(feedbackCases)
    .where(
      and(
        eq(feedbackCases.tenantId, tenantId),
        sql`${feedbackCases.attachmentMediaIds} ?| array[${idList}]::text[]`,
      ),
    );
  const kept = new Set(stillReferenced.flatMap((row) => row.ids));
  const unreferenced = mediaIds.filter((id) => !kept.has(id));
  if (unreferenced.length === 0) {
    return [];
  }
  const deleted = await tx
    .delete(media)
    .where(
      and(eq(media.tenantId, tenantId), inArray(media.id, unreferenced), eq(media.isPrivate, true)),
    )
    .returning({ objectKey: media.objectKey, variants: media.variants });

  return deleted.flatMap((row) => [row.objectKey, ...row.variants.map((v) => v.objectKey)]);
}

/**
 * Clears the sender's name, contacts and organisation of a tenant's cases that were closed more
 * than the retention period before `now`, and sets `personal_data_removed_at`. The files the
 * sender attached are deleted too, since they may carry the same personal data. The case, its
 * subject, text, answer and history stay. Returns how many cases were cleared.
 */
export async function removeExpiredPersonalData(
  db: Db,
  store: MediaStore,
  tenantId: string,
  options: { now?: Date; log?: Logger } = {},
) {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - personalDataRetentionDays * dayMs);

  const { count, objectKeys } = await withTenant(db, tenantId, async (tx) => {
    const expired = await tx
      .select({ id: feedbackCases.id, attachmentMediaIds: feedbackCases.attachmentMediaIds })
      .from(feedbackCases)
      .where(
        and(
          eq(feedbackCases.tenantId, tenantId),
          inArray(feedbackCases.status, ['published', 'rejected', 'merged']),
          isNull(feedbackCases.personalDataRemovedAt),
          // An ISO string, since postgres.js does not bind a Date inside raw SQL.
          sql`${closedAt} < ${cutoff.toISOString()}::timestamptz`,
        ),
      )
      .for('update');
    if (expired.length === 0) {
      return { count: 0, objectKeys: [] };
    }
    const cleared = await tx
      .update(feedbackCases)
      .set({
        senderName: null,
        senderEmail: null,
        senderPhone: null,
        senderOrganisation: null,
        attachmentMediaIds: [],
        personalDataRemovedAt: now,
      })
      .where(
        and(
          eq(feedbackCases.tenantId, tenantId),
          inArray(
            feedbackCases.id,
            expired.map((row) => row.id),
          ),
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
    const attachmentIds = [...new Set(expired.flatMap((row) => row.attachmentMediaIds))];

    return {
      count: cleared.length,
      objectKeys: await deleteUnreferencedAttachments(tx, tenantId, attachmentIds),
    };
  });

  // The rows are gone once the transaction commits. An object the store fails to delete is
  // left behind unreachable, so it is logged for the operators.
  for (const key of objectKeys) {
    await store.delete(key).catch((error: unknown) => {
      options.log?.error({ err: error, objectKey: key, tenantId }, 'attachment not deleted');
    });
  }

  return count;
}
