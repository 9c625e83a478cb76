import { and, eq, inArray, isNotNull, isNull, lt, ne, notInArray, sql } from 'drizzle-orm';

import {
  boardRoles,
  categories,
  contentItems,
  contentRevisions,
  feedbackCases,
  memberships,
  policyOverrides,
  users,
  workflowEvents,
  type FeedbackState,
  type WorkflowState,
} from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

// The queries of the compliance overview. Each reads the tenants it is given, in the caller's
// scope: one tenant's under `withTenant`, any under `withPlatform`.

/** States in which an item waits for the standing section or the unit's editors. */
export const reviewQueueStates: WorkflowState[] = [
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
];

/** A case in one of these states needs no further answer. */
const closedFeedbackStates: FeedbackState[] = ['answered', 'published', 'rejected', 'merged'];

const currentTitle = and(
  eq(contentRevisions.tenantId, contentItems.tenantId),
  eq(contentRevisions.id, contentItems.currentRevisionId),
);

export async function templateKeysByTenant(tx: Tx, tenantIds: string[]) {
  return tx
    .select({ tenantId: categories.tenantId, templateKey: categories.templateKey })
    .from(categories)
    .where(and(inArray(categories.tenantId, tenantIds), isNotNull(categories.templateKey)));
}

/** Items whose deadline has passed and that were never published. */
export async function overdueItems(tx: Tx, tenantIds: string[], now: Date) {
  return tx
    .select({
      tenantId: contentItems.tenantId,
      id: contentItems.id,
      type: contentItems.type,
      slug: contentItems.slug,
      status: contentItems.status,
      dueAt: contentItems.dueAt,
      titleVi: contentRevisions.titleVi,
    })
    .from(contentItems)
    .leftJoin(contentRevisions, currentTitle)
    .where(
      and(
        inArray(contentItems.tenantId, tenantIds),
        lt(contentItems.dueAt, now),
        isNull(contentItems.firstPublishedAt),
        ne(contentItems.status, 'archived'),
      ),
    )
    .orderBy(contentItems.dueAt);
}

/** Items in the review queue, with the time they last entered it. */
export async function pendingReviews(tx: Tx, tenantIds: string[]) {
  const enteredQueueAt = sql`(
    select max(${workflowEvents.occurredAt}) from ${workflowEvents}
     where ${workflowEvents.tenantId} = ${contentItems.tenantId}
       and ${workflowEvents.itemId} = ${contentItems.id}
       and ${workflowEvents.toState} = 'submitted')`.mapWith(workflowEvents.occurredAt);

  return tx
    .select({
      tenantId: contentItems.tenantId,
      id: contentItems.id,
      type: contentItems.type,
      slug: contentItems.slug,
      status: contentItems.status,
      createdAt: contentItems.createdAt,
      enteredQueueAt,
      titleVi: contentRevisions.titleVi,
    })
    .from(contentItems)
    .leftJoin(contentRevisions, currentTitle)
    .where(
      and(
        inArray(contentItems.tenantId, tenantIds),
        inArray(contentItems.status, reviewQueueStates),
      ),
    );
}

/**
 * Open cases past their answer time, counted against the unit that must answer: the unit it
 * was forwarded to, or the portal that received it.
 */
export async function overdueFeedback(tx: Tx, tenantIds: string[], now: Date) {
  const { assignedTenantId, tenantId } = feedbackCases;
  const responsibleTenant = sql<string>`coalesce(${assignedTenantId}, ${tenantId})`;

  return tx
    .select({
      responsibleTenantId: responsibleTenant,
      receivedByTenantId: feedbackCases.tenantId,
      id: feedbackCases.id,
      kind: feedbackCases.kind,
      subject: feedbackCases.subject,
      status: feedbackCases.status,
      receivedAt: feedbackCases.receivedAt,
      dueAt: feedbackCases.dueAt,
    })
    .from(feedbackCases)
    .where(
      and(
        inArray(responsibleTenant, tenantIds),
        notInArray(feedbackCases.status, closedFeedbackStates),
        lt(feedbackCases.dueAt, now),
      ),
    )
    .orderBy(feedbackCases.dueAt);
}

/** Live pages last changed before `changedBefore`. */
export async function livePagesChangedBefore(tx: Tx, tenantIds: string[], changedBefore: Date) {
  return tx
    .select({
      tenantId: contentItems.tenantId,
      id: contentItems.id,
      slug: contentItems.slug,
      updatedAt: contentItems.updatedAt,
      titleVi: contentRevisions.titleVi,
    })
    .from(contentItems)
    .leftJoin(contentRevisions, currentTitle)
    .where(
      and(
        inArray(contentItems.tenantId, tenantIds),
        eq(contentItems.type, 'page'),
        inArray(contentItems.status, ['published', 'updated']),
        lt(contentItems.updatedAt, changedBefore),
      ),
    )
    .orderBy(contentItems.updatedAt);
}

/** Active members holding one of `roles` on a tenant who have no second factor. */
export async function membersWithoutSecondFactor(tx: Tx, tenantIds: string[], roles: string[]) {
  if (roles.length === 0) {
    return [];
  }

  return tx
    .select({
      tenantId: memberships.tenantId,
      userId: users.id,
      displayName: users.displayName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.tenantId, tenantIds),
        inArray(memberships.role, roles as (typeof memberships.$inferSelect.role)[]),
        isNull(users.totpKey),
        eq(users.status, 'active'),
      ),
    );
}

/** Active board members holding one of `roles` who have no second factor. */
export async function boardMembersWithoutSecondFactor(tx: Tx, roles: string[]) {
  if (roles.length === 0) {
    return [];
  }

  return tx
    .select({ userId: users.id, displayName: users.displayName, role: boardRoles.role })
    .from(boardRoles)
    .innerJoin(users, eq(users.id, boardRoles.userId))
    .where(
      and(
        inArray(boardRoles.role, roles as (typeof boardRoles.$inferSelect.role)[]),
        isNull(users.totpKey),
        eq(users.status, 'active'),
      ),
    );
}

export async function overridesOf(tx: Tx, tenantIds: string[]) {
  return tx.select().from(policyOverrides).where(inArray(policyOverrides.tenantId, tenantIds));
}
