import { and, asc, count, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { withPlatform } from '../access/platform.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents, media, type FeedbackState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { caseStepNames, caseSteps } from './case-steps.ts';
import { openStates, type FeedbackKind, type FeedbackTopic } from './case-labels.ts';
import { findCase, isStepAvailable, type FeedbackCaseRow } from './take-step.ts';

export type ListCasesOptions = {
  status?: FeedbackState | undefined;
  topic?: FeedbackTopic | undefined;
  kind?: FeedbackKind | undefined;
  /** Only open cases past their answer or progress-note deadline. */
  isOverdue?: boolean | undefined;
  /** `received`: the portal's own intake; `assigned`: forwarded to it; both by default. */
  scope?: 'received' | 'assigned' | 'all' | undefined;
  page: number;
  pageSize: number;
};

/** Presents a case for a staff queue, without personal data, which only the detail carries. */
export function presentCaseSummary(row: FeedbackCaseRow, now = new Date()) {
  const isOpen = openStates.includes(row.status);

  return {
    id: row.id,
    tenantId: row.tenantId,
    assignedTenantId: row.assignedTenantId,
    kind: row.kind,
    draftItemId: row.draftItemId,
    subject: row.subject,
    topic: row.topic,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    nextProgressDueAt: row.nextProgressDueAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    isAnswerOverdue: isOpen && row.dueAt !== null && row.dueAt < now,
    isProgressOverdue: isOpen && row.nextProgressDueAt !== null && row.nextProgressDueAt < now,
  };
}

function overdueCondition(): SQL {
  return and(
    inArray(feedbackCases.status, [...openStates]),
    or(
      and(isNotNull(feedbackCases.dueAt), lt(feedbackCases.dueAt, sql`now()`)),
      and(
        isNotNull(feedbackCases.nextProgressDueAt),
        lt(feedbackCases.nextProgressDueAt, sql`now()`),
      ),
    ),
  )!;
}

function scopeCondition(tenantId: string, scope: ListCasesOptions['scope']): SQL {
  if (scope === 'received') {
    return eq(feedbackCases.tenantId, tenantId);
  }
  if (scope === 'assigned') {
    return eq(feedbackCases.assignedTenantId, tenantId);
  }

  return or(eq(feedbackCases.tenantId, tenantId), eq(feedbackCases.assignedTenantId, tenantId))!;
}

/** Lists a portal's queue: the cases it received and those forwarded to it, oldest due first. */
export async function listCases(db: Db, tenant: TenantRef, options: ListCasesOptions) {
  const conditions: SQL[] = [scopeCondition(tenant.id, options.scope)];
  if (options.status) {
    conditions.push(eq(feedbackCases.status, options.status));
  }
  if (options.topic) {
    conditions.push(eq(feedbackCases.topic, options.topic));
  }
  if (options.kind) {
    conditions.push(eq(feedbackCases.kind, options.kind));
  }
  if (options.isOverdue) {
    conditions.push(overdueCondition());
  }

  return withTenant(db, tenant.id, async (tx) => {
    const where = and(...conditions);
    const rows = await tx
      .select()
      .from(feedbackCases)
      .where(where)
      .orderBy(sql`${feedbackCases.dueAt} asc nulls last`, asc(feedbackCases.receivedAt))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize);
    const [total] = await tx.select({ total: count() }).from(feedbackCases).where(where);

    return { cases: rows.map((row) => presentCaseSummary(row)), total: total?.total ?? 0 };
  });
}

/** Lists the overdue cases of every portal, for the board. */
export async function listOverdueEverywhere(db: Db, context: ActingContext) {
  return withPlatform(db, context.actor, 'feedback.read', async (tx) => {
    const rows = await tx
      .select()
      .from(feedbackCases)
      .where(overdueCondition())
      .orderBy(asc(feedbackCases.dueAt))
      .limit(500);

    return rows.map((row) => presentCaseSummary(row));
  });
}

/**
 * Returns a case for the staff handling it: the sender's details, attachments, the whole
 * history and the steps this user may take. Reading the sender's details is recorded in the
 * audit log.
 */
export async function getCaseDetail(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  caseId: string,
) {
  return withTenant(db, tenant.id, async (tx) => {
    const row = await findCase(tx, tenant.id, caseId);
    const events = await tx
      .select()
      .from(feedbackEvents)
      .where(and(eq(feedbackEvents.tenantId, row.tenantId), eq(feedbackEvents.caseId, row.id)))
      .orderBy(asc(feedbackEvents.occurredAt));
    // Attachments live in the receiving portal's media; a unit it was forwarded to cannot read
    // them there, so it gets their ids only.
    const attachments =
      row.attachmentMediaIds.length === 0 || row.tenantId !== tenant.id
        ? []
        : await tx
            .select({
              id: media.id,
              originalName: media.originalName,
              contentType: media.contentType,
              sizeBytes: media.sizeBytes,
            })
            .from(media)
            .where(
              and(eq(media.tenantId, row.tenantId), inArray(media.id, row.attachmentMediaIds)),
            );
    if (row.personalDataRemovedAt === null) {
      await appendAudit(tx, {
        tenantId: tenant.id,
        actorUserId: context.actor.userId,
        action: 'feedback.read_personal_data',
        resourceType: 'feedback_case',
        resourceId: row.id,
        ipAddress: context.ipAddress,
        requestId: context.requestId,
      });
    }
    const resource = tenantResource(tenant);

    return {
      ...presentCaseSummary(row),
      body: row.body,
      sender: {
        name: row.senderName,
        email: row.senderEmail,
        phone: row.senderPhone,
        organisation: row.senderOrganisation,
        consentAt: row.consentAt.toISOString(),
        personalDataRemovedAt: row.personalDataRemovedAt?.toISOString() ?? null,
      },
      attachmentMediaIds: row.attachmentMediaIds,
      attachments,
      answer: row.answerBody,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      rejectionReason: row.rejectionReason,
      mergedIntoId: row.mergedIntoId,
      events: events.map((event) => ({
        id: event.id,
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        note: event.note,
        isPublic: event.isPublic,
        actorUserId: event.actorUserId,
        assignedTenantId: event.assignedTenantId,
        occurredAt: event.occurredAt.toISOString(),
      })),
      availableSteps: caseStepNames.filter(
        (step) =>
          isStepAvailable(step, row, tenant.id) &&
          can(context.actor, caseSteps[step].permission, resource),
      ),
    };
  });
}

/** Lists the comments a draft for public comment received, for the portal that published it. */
export async function listDraftComments(db: Db, tenant: TenantRef, draftItemId: string) {
  return withTenant(db, tenant.id, (tx) =>
    tx
      .select()
      .from(feedbackCases)
      .where(
        and(
          eq(feedbackCases.tenantId, tenant.id),
          eq(feedbackCases.kind, 'draft_comment'),
          eq(feedbackCases.draftItemId, draftItemId),
        ),
      )
      .orderBy(asc(feedbackCases.receivedAt)),
  );
}
