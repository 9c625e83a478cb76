import { and, asc, count, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { withPlatform } from '../access/platform.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  feedbackCases,
  feedbackEvents,
  media,
  users,
  type FeedbackState,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import { readAnswerClock } from './case-clock.ts';
import { caseStepNames, caseSteps } from './case-steps.ts';
import { openStates, type FeedbackKind, type FeedbackTopic } from './case-labels.ts';
import { listForwardTargets, listPortalNames } from './portal-names.ts';
import { findCase, isStepAvailable, type FeedbackCaseRow } from './take-step.ts';

export type ListCasesOptions = {
  status?: FeedbackState | undefined;
  topic?: FeedbackTopic | undefined;
  kind?: FeedbackKind | undefined;
  /** Only open cases past their answer or progress-note deadline. */
  isOverdue?: boolean | undefined;
  /** `received`: the portal's own intake; `assigned`: forwarded to it; both by default. */
  scope?: 'received' | 'assigned' | 'all' | undefined;
  /** Only cases this portal is responsible for: the one forwarded to, else the receiver. */
  responsibleTenantId?: string | undefined;
  /** Only cases received at or after `start` and before `end`, where given. */
  received?: { start?: Date | undefined; end?: Date | undefined } | undefined;
  /** The holiday calendar for the working days left; without it they are null. */
  calendar?: WorkingCalendar | undefined;
  page: number;
  pageSize: number;
};

export type PresentCaseOptions = { calendar?: WorkingCalendar | undefined; now?: Date };

/** The portal responsible for a case: the unit it was forwarded to, else the one that received it. */
export const responsibleTenantId = sql<string>`coalesce(${feedbackCases.assignedTenantId}, ${feedbackCases.tenantId})`;

/**
 * Tells a sender who named an organisation from a private person, without naming either. Once
 * the sender's details are removed, the kind is no longer known.
 */
function senderKindOf(row: FeedbackCaseRow) {
  if (row.personalDataRemovedAt !== null) {
    return 'removed' as const;
  }

  return row.senderOrganisation ? ('organisation' as const) : ('individual' as const);
}

/** Presents a case for a staff queue, without personal data, which only the detail carries. */
export function presentCaseSummary(row: FeedbackCaseRow, options: PresentCaseOptions = {}) {
  const now = options.now ?? new Date();
  const isOpen = openStates.includes(row.status);

  return {
    id: row.id,
    tenantId: row.tenantId,
    assignedTenantId: row.assignedTenantId,
    responsibleTenantId: row.assignedTenantId ?? row.tenantId,
    kind: row.kind,
    senderKind: senderKindOf(row),
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
    ...readAnswerClock(row, options.calendar, now),
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

/** Returns the condition for a portal's queue: the cases it received, those forwarded to it, or both. */
export function scopeCondition(tenantId: string, scope: ListCasesOptions['scope']): SQL {
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
  if (options.responsibleTenantId) {
    conditions.push(sql`${responsibleTenantId} = ${options.responsibleTenantId}`);
  }
  if (options.received?.start) {
    conditions.push(gte(feedbackCases.receivedAt, options.received.start));
  }
  if (options.received?.end) {
    conditions.push(lt(feedbackCases.receivedAt, options.received.end));
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
    // Every unit responsible for a case of the queue, whatever the filters, so a filter can
    // offer them and a row can name its unit.
    const responsible = await tx
      .selectDistinct({ id: responsibleTenantId })
      .from(feedbackCases)
      .where(scopeCondition(tenant.id, options.scope));
    const units = await listPortalNames(
      tx,
      responsible.map((unit) => unit.id),
    );
    const present = { calendar: options.calendar, now: new Date() };

    return {
      cases: rows.map((row) => presentCaseSummary(row, present)),
      total: total?.total ?? 0,
      units,
    };
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
  calendar?: WorkingCalendar,
) {
  return withTenant(db, tenant.id, async (tx) => {
    const row = await findCase(tx, tenant.id, caseId);
    const events = await tx
      .select({ event: feedbackEvents, actorName: users.displayName })
      .from(feedbackEvents)
      .leftJoin(users, eq(users.id, feedbackEvents.actorUserId))
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
    const availableSteps = caseStepNames.filter(
      (step) =>
        isStepAvailable(step, row, tenant.id) &&
        can(context.actor, caseSteps[step].permission, resource),
    );
    const canForward = availableSteps.includes('forward') || availableSteps.includes('classify');
    const units = await listPortalNames(tx, [
      row.tenantId,
      ...(row.assignedTenantId ? [row.assignedTenantId] : []),
    ]);

    return {
      ...presentCaseSummary(row, { calendar }),
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
      events: events.map(({ event, actorName }) => ({
        id: event.id,
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        note: event.note,
        isPublic: event.isPublic,
        actorUserId: event.actorUserId,
        actorName,
        assignedTenantId: event.assignedTenantId,
        occurredAt: event.occurredAt.toISOString(),
      })),
      availableSteps,
      /** The receiving portal and, once forwarded, the unit handling the case. */
      units,
      forwardTargets: canForward ? await listForwardTargets(tx, row.tenantId) : [],
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
