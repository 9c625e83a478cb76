import { and, desc, eq, inArray, max, or } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import {
  contentItems,
  contentRevisions,
  feedbackCases,
  feedbackEvents,
  users,
  workflowEvents,
  type ContentType,
  type FeedbackState,
  type WorkflowState,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { caseSteps, caseStepNames, type CaseStepName } from '../feedback/case-steps.ts';
import { openStates } from '../feedback/case-labels.ts';
import { transitions, transitionsFrom, type TransitionName } from '../workflow/transitions.ts';

/** At most this many entries in each list, so a portal with a backlog still loads at once. */
export const dashboardListLimit = 50;

/** Item states that wait for a person; scheduled items wait for the clock, live ones for no one. */
const waitingStates: readonly WorkflowState[] = [
  'draft',
  'returned',
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
  'approved',
  'unpublish_requested',
];

/** A draft or a returned item is its author's work, not a step for the rest of the portal. */
const ownWorkStates: readonly WorkflowState[] = ['draft', 'returned'];

/** Steps that keep an item or a case where it is, so they alone do not make it wait for anyone. */
const routineTransitions: readonly TransitionName[] = ['archive'];
const routineCaseSteps: readonly CaseStepName[] = ['progress_note'];

export type WorkQueueEntry = {
  kind: 'content' | 'feedback';
  id: string;
  title: string;
  /** The content type, or the feedback kind. */
  type: string;
  status: string;
  /** The steps this user may take now, by their API names. */
  actions: string[];
  dueAt: string | null;
  isOverdue: boolean;
  /** When the item or case reached its present state, for its age in the queue. */
  waitingSince: string;
};

export type ActivityEntry = {
  kind: 'content' | 'feedback';
  id: string;
  title: string;
  action: string;
  toState: string;
  actorName: string | null;
  note: string | null;
  occurredAt: string;
};

async function contentQueue(tx: Tx, context: ActingContext, tenant: TenantRef, now: Date) {
  const resource = tenantResource(tenant);
  const rows = await tx
    .select({
      id: contentItems.id,
      type: contentItems.type,
      status: contentItems.status,
      createdBy: contentItems.createdBy,
      dueAt: contentItems.dueAt,
      updatedAt: contentItems.updatedAt,
      title: contentRevisions.titleVi,
    })
    .from(contentItems)
    .innerJoin(
      contentRevisions,
      and(
        eq(contentRevisions.tenantId, contentItems.tenantId),
        eq(contentRevisions.id, contentItems.currentRevisionId),
      ),
    )
    .where(
      and(eq(contentItems.tenantId, tenant.id), inArray(contentItems.status, [...waitingStates])),
    );
  const waiting = rows.filter(
    (row) => !ownWorkStates.includes(row.status) || row.createdBy === context.actor.userId,
  );
  const lastSteps = await lastEventTimes(
    tx,
    tenant.id,
    waiting.map((row) => row.id),
  );

  return waiting.flatMap((row): WorkQueueEntry[] => {
    const actions = transitionsFrom(row.status).filter(
      (name) =>
        !routineTransitions.includes(name) &&
        can(context.actor, transitions[name].permission, resource),
    );
    if (actions.length === 0) {
      return [];
    }
    return [
      {
        kind: 'content',
        id: row.id,
        title: row.title,
        type: row.type satisfies ContentType,
        status: row.status,
        actions,
        dueAt: row.dueAt?.toISOString() ?? null,
        isOverdue: row.dueAt !== null && row.dueAt < now,
        waitingSince: (lastSteps.get(row.id) ?? row.updatedAt).toISOString(),
      },
    ];
  });
}

async function lastEventTimes(tx: Tx, tenantId: string, itemIds: string[]) {
  if (itemIds.length === 0) {
    return new Map<string, Date>();
  }
  const rows = await tx
    .select({ itemId: workflowEvents.itemId, at: max(workflowEvents.occurredAt) })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.tenantId, tenantId), inArray(workflowEvents.itemId, itemIds)))
    .groupBy(workflowEvents.itemId);

  return new Map(rows.flatMap((row) => (row.at ? [[row.itemId, row.at] as const] : [])));
}

async function feedbackQueue(tx: Tx, context: ActingContext, tenant: TenantRef, now: Date) {
  const resource = tenantResource(tenant);
  // The tenant scope shows the portal's own cases and the cases forwarded to it.
  const rows = await tx
    .select()
    .from(feedbackCases)
    .where(
      and(
        or(eq(feedbackCases.tenantId, tenant.id), eq(feedbackCases.assignedTenantId, tenant.id)),
        inArray(feedbackCases.status, [...openStates]),
      ),
    );

  return rows.flatMap((row): WorkQueueEntry[] => {
    const isOwner = row.tenantId === tenant.id;
    const actions = caseStepNames.filter((name) => {
      const step = caseSteps[name];
      return (
        !routineCaseSteps.includes(name) &&
        (step.from as readonly FeedbackState[]).includes(row.status) &&
        (step.by === 'either' || isOwner) &&
        can(context.actor, step.permission, resource)
      );
    });
    // A case forwarded to a unit waits for that unit, not for the portal that forwarded it.
    const waitsElsewhere = isOwner && row.status === 'forwarded' && row.assignedTenantId !== null;
    if (actions.length === 0 || waitsElsewhere) {
      return [];
    }
    return [
      {
        kind: 'feedback',
        id: row.id,
        title: row.subject,
        type: row.kind,
        status: row.status,
        actions,
        dueAt: row.dueAt?.toISOString() ?? null,
        isOverdue: row.dueAt !== null && row.dueAt < now,
        waitingSince: row.updatedAt.toISOString(),
      },
    ];
  });
}

/** Orders by deadline (overdue and soonest first, none last), then by the longest wait. */
function byUrgency(left: WorkQueueEntry, right: WorkQueueEntry): number {
  if (left.dueAt !== right.dueAt) {
    if (left.dueAt === null) {
      return 1;
    }
    if (right.dueAt === null) {
      return -1;
    }
    return left.dueAt < right.dueAt ? -1 : 1;
  }
  return left.waitingSince < right.waitingSince
    ? -1
    : left.waitingSince > right.waitingSince
      ? 1
      : 0;
}

/**
 * Lists what waits for this user on a portal, most urgent first. Content items count when the
 * user may take their next workflow step, which includes the user's own drafts and returned items
 * but not other people's drafts. Open feedback cases count when the user may take their next step.
 */
export async function listWorkQueue(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  options: { includeContent: boolean; includeFeedback: boolean; now?: Date },
): Promise<WorkQueueEntry[]> {
  const now = options.now ?? new Date();

  return withTenant(db, tenant.id, async (tx) => {
    const entries = [
      ...(options.includeContent ? await contentQueue(tx, context, tenant, now) : []),
      ...(options.includeFeedback ? await feedbackQueue(tx, context, tenant, now) : []),
    ];
    return entries.sort(byUrgency).slice(0, dashboardListLimit);
  });
}

/**
 * Lists the latest workflow steps on a portal's content and feedback, newest first, with who
 * took them. Items the portal sent to the main portal are included through the source-unit
 * policy, so a unit can follow what happened to its submissions.
 */
export async function listRecentActivity(
  db: Db,
  tenant: TenantRef,
  options: { includeContent: boolean; includeFeedback: boolean },
): Promise<ActivityEntry[]> {
  return withTenant(db, tenant.id, async (tx) => {
    const contentSteps = options.includeContent
      ? await tx
          .select({
            id: workflowEvents.itemId,
            action: workflowEvents.action,
            toState: workflowEvents.toState,
            note: workflowEvents.note,
            occurredAt: workflowEvents.occurredAt,
            actorName: users.displayName,
            title: contentRevisions.titleVi,
          })
          .from(workflowEvents)
          .innerJoin(
            contentItems,
            and(
              eq(contentItems.tenantId, workflowEvents.tenantId),
              eq(contentItems.id, workflowEvents.itemId),
            ),
          )
          .innerJoin(
            contentRevisions,
            and(
              eq(contentRevisions.tenantId, contentItems.tenantId),
              eq(contentRevisions.id, contentItems.currentRevisionId),
            ),
          )
          .leftJoin(users, eq(users.id, workflowEvents.actorUserId))
          .where(
            or(
              eq(workflowEvents.tenantId, tenant.id),
              eq(workflowEvents.sourceTenantId, tenant.id),
            ),
          )
          .orderBy(desc(workflowEvents.occurredAt))
          .limit(dashboardListLimit)
      : [];
    const caseSteps = options.includeFeedback
      ? await tx
          .select({
            id: feedbackEvents.caseId,
            action: feedbackEvents.action,
            toState: feedbackEvents.toState,
            note: feedbackEvents.note,
            occurredAt: feedbackEvents.occurredAt,
            actorName: users.displayName,
            title: feedbackCases.subject,
          })
          .from(feedbackEvents)
          .innerJoin(
            feedbackCases,
            and(
              eq(feedbackCases.tenantId, feedbackEvents.tenantId),
              eq(feedbackCases.id, feedbackEvents.caseId),
            ),
          )
          .leftJoin(users, eq(users.id, feedbackEvents.actorUserId))
          .orderBy(desc(feedbackEvents.occurredAt))
          .limit(dashboardListLimit)
      : [];

    return [
      ...contentSteps.map((step) => ({ kind: 'content' as const, ...step })),
      ...caseSteps.map((step) => ({ kind: 'feedback' as const, ...step })),
    ]
      .sort((left, right) => right.occurredAt.getTime() - left.occurredAt.getTime())
      .slice(0, dashboardListLimit)
      .map((step) => ({ ...step, occurredAt: step.occurredAt.toISOString() }));
  });
}
