import { and, eq } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findRevision, lockItem, type ItemRow } from '../content/item-records.ts';
import {
  categories,
  contentItems,
  users,
  workflowEvents,
  type WorkflowState,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { enqueue } from '../jobs/index.ts';
import { effectiveDeadline } from '../policies/content-rules.ts';
import { assertPublicationPolicies } from '../policies/workflow-rules.ts';
import type { WorkingCalendar } from './calendar.ts';
import { computeDueAt } from './deadlines.ts';
import { liveStates, transitions, type TransitionName } from './transitions.ts';

export type TransitionInput = {
  action: TransitionName;
  note?: string | undefined;
  /** For `schedule`: when the item goes live. */
  publishAt?: Date | undefined;
  /** For `publish` and `schedule`: when the item comes off the site again. */
  unpublishAt?: Date | undefined;
  /** For `classify`. */
  categoryId?: string | undefined;
  assignedEditorId?: string | undefined;
  isSensitive?: boolean | undefined;
};

export type WorkflowDependencies = {
  db: Db;
  /** The working-day calendar, loaded once from `tenants/holidays`. */
  getCalendar: () => Promise<WorkingCalendar>;
  /** Called after a change to what the public site shows has committed. */
  onPublicChange: (tenantId: string) => void;
};

const liveAfter: readonly WorkflowState[] = ['published', 'updated'];

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', `${field} ${message}`, { fields: [{ field, message }] });
}

async function classifyChanges(tx: Tx, tenant: TenantRef, input: TransitionInput) {
  const changes: Partial<ItemRow> = {};
  if (input.categoryId) {
    const [category] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.tenantId, tenant.id), eq(categories.id, input.categoryId)));
    if (!category) {
      throw invalid('categoryId', 'is not a category of this portal');
    }
    changes.categoryId = input.categoryId;
  }
  if (input.assignedEditorId) {
    const [editor] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, input.assignedEditorId));
    if (!editor) {
      throw invalid('assignedEditorId', 'is not a user');
    }
    changes.assignedEditorId = input.assignedEditorId;
  }
  if (input.isSensitive !== undefined) {
    changes.isSensitive = input.isSensitive;
  }

  return changes;
}

async function dueAtOf(
  tx: Tx,
  deps: WorkflowDependencies,
  item: ItemRow,
  categoryId: string | null,
  submittedAt: Date,
) {
  if (!categoryId) {
    return null;
  }
  const [category] = await tx
    .select({ deadline: categories.deadline, templateKey: categories.templateKey })
    .from(categories)
    .where(and(eq(categories.tenantId, item.tenantId), eq(categories.id, categoryId)));
  // The board's deadline for the category's template replaces the one stored with it.
  const rule = category ? await effectiveDeadline(tx, item.tenantId, category) : null;
  const revision = item.currentRevisionId
    ? await findRevision(tx, item.tenantId, item.currentRevisionId)
    : null;
  const issuedOn =
    typeof revision?.fields.issuedOn === 'string' ? revision.fields.issuedOn : undefined;

  return computeDueAt(await deps.getCalendar(), rule, { submittedAt, issuedOn });
}

function assertMayPublish(item: ItemRow) {
  if (item.isSensitive && !item.escalationApprovedBy) {
    throw new AppError(
      'conflict',
      'This item is marked unclear or sensitive: a board member or the head must approve it first',
    );
  }
}

/**
 * Moves an item one step along the editorial workflow. The transition table decides which
 * steps leave the item's state, `can()` decides who may take them, and the change, its
 * workflow event and its audit entry commit in one transaction.
 */
export async function applyTransition(
  deps: WorkflowDependencies,
  context: ActingContext,
  tenant: TenantRef,
  itemId: string,
  input: TransitionInput,
) {
  const transition = transitions[input.action];
  const now = new Date();
  const note = input.note?.trim() || null;

  const result = await withTenant(deps.db, tenant.id, async (tx) => {
    const item = await lockItem(tx, tenant.id, itemId);
    if (!(transition.from as readonly WorkflowState[]).includes(item.status)) {
      throw new AppError(
        'conflict',
        `An item that is ${item.status} cannot take the step ${input.action}`,
      );
    }
    if (!can(context.actor, transition.permission, tenantResource(tenant))) {
      throw new AppError('forbidden', `You are not allowed to do this (${input.action})`);
    }
    if ('requiresNote' in transition && transition.requiresNote && !note) {
      throw invalid('note', 'is required for this step');
    }
    // Only classify reads these, so sending them with another step would be silently ignored.
    for (const field of ['categoryId', 'assignedEditorId'] as const) {
      if (input[field] !== undefined && input.action !== 'classify') {
        throw invalid(field, 'is used only by the classify step');
      }
    }
    await assertPublicationPolicies(tx, {
      actor: context.actor,
      tenant,
      item,
      action: input.action,
    });

    const changes: Partial<ItemRow> = { status: transition.to, updatedAt: now };
    switch (input.action) {
      case 'submit':
        changes.dueAt = await dueAtOf(tx, deps, item, item.categoryId, now);
        break;
      case 'classify':
        Object.assign(changes, await classifyChanges(tx, tenant, input));
        // A submission from a unit gets its category, and so its deadline, only here.
        if (changes.categoryId) {
          changes.dueAt = await dueAtOf(tx, deps, item, changes.categoryId, item.createdAt);
        }
        break;
      case 'escalate':
        changes.isSensitive = true;
        break;
      case 'approve_escalated':
        changes.escalationApprovedBy = context.actor.userId;
        break;
      case 'approve':
        assertMayPublish(item);
        break;
      case 'publish':
      case 'publish_update':
        assertMayPublish(item);
        if (
          input.action === 'publish_update' &&
          item.currentRevisionId === item.publishedRevisionId
        ) {
          throw new AppError('conflict', 'The live revision is already the newest one');
        }
        changes.publishedRevisionId = item.currentRevisionId;
        changes.publishedAt = now;
        changes.firstPublishedAt = item.firstPublishedAt ?? now;
        changes.publishAt = null;
        break;
      case 'schedule':
        assertMayPublish(item);
        if (!input.publishAt) {
          throw invalid('publishAt', 'is required to schedule');
        }
        if (input.publishAt.getTime() <= now.getTime()) {
          throw invalid('publishAt', 'must be in the future');
        }
        changes.publishAt = input.publishAt;
        break;
      case 'cancel_schedule':
        changes.publishAt = null;
        break;
      case 'archive':
        changes.archivedAt = now;
        break;
      default:
        break;
    }
    if (input.unpublishAt) {
      const from = changes.publishAt ?? now;
      if (input.unpublishAt.getTime() <= from.getTime()) {
        throw invalid('unpublishAt', 'must be after the publication time');
      }
      changes.unpublishAt = input.unpublishAt;
    }

    const [updated] = await tx
      .update(contentItems)
      .set(changes)
      .where(and(eq(contentItems.tenantId, tenant.id), eq(contentItems.id, itemId)))
      .returning();
    await recordEvent(tx, {
      item,
      action: input.action,
      toState: transition.to,
      actorUserId: context.actor.userId,
      note,
    });
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: `content.${input.action}`,
      resourceType: item.type,
      resourceId: item.id,
      before: { status: item.status },
      after: { status: transition.to, note },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    await scheduleJobs(tx, tenant.id, updated!);

    return updated!;
  });

  const wasLive =
    liveAfter.includes(result.status) || input.action === 'unpublish' || input.action === 'archive';
  if (wasLive) {
    deps.onPublicChange(tenant.id);
  }

  return result;
}

async function recordEvent(
  tx: Tx,
  event: {
    item: ItemRow;
    action: string;
    toState: WorkflowState;
    actorUserId: string | null;
    note: string | null;
  },
) {
  await tx.insert(workflowEvents).values({
    tenantId: event.item.tenantId,
    itemId: event.item.id,
    action: event.action,
    fromState: event.item.status,
    toState: event.toState,
    actorUserId: event.actorUserId,
    note: event.note,
    revisionId: event.item.currentRevisionId,
    sourceTenantId: event.item.sourceTenantId,
  });
}

/** Enqueues the timed steps of an item; the handlers re-check the item, so stale jobs do nothing. */
async function scheduleJobs(tx: Tx, tenantId: string, item: ItemRow) {
  if (item.status === 'scheduled' && item.publishAt) {
    await enqueue(tx, {
      kind: 'content.publish_scheduled',
      tenantId,
      payload: { itemId: item.id, publishAt: item.publishAt.toISOString() },
      runAt: item.publishAt,
      dedupeKey: `content.publish:${item.id}:${item.publishAt.toISOString()}`,
    });
  }
  if (item.unpublishAt && ['scheduled', 'published', 'updated'].includes(item.status)) {
    await enqueue(tx, {
      kind: 'content.unpublish_scheduled',
      tenantId,
      payload: { itemId: item.id, unpublishAt: item.unpublishAt.toISOString() },
      runAt: item.unpublishAt,
      dedupeKey: `content.unpublish:${item.id}:${item.unpublishAt.toISOString()}`,
    });
  }
}

/**
 * Takes a timed step for the job runner: publishes a scheduled item, or unpublishes one whose
 * end time has come. Returns false, changing nothing, when the item has moved on since the job
 * was enqueued (a cancelled or rescheduled item), so a repeated or stale job is harmless.
 */
export async function applyTimedStep(
  deps: WorkflowDependencies,
  tenantId: string,
  itemId: string,
  step: { kind: 'publish' | 'unpublish'; at: string },
) {
  const changed = await withTenant(deps.db, tenantId, async (tx) => {
    const item = await lockItem(tx, tenantId, itemId);
    const isDue =
      step.kind === 'publish'
        ? item.status === 'scheduled' && item.publishAt?.toISOString() === step.at
        : liveStates.includes(item.status) && item.unpublishAt?.toISOString() === step.at;
    if (!isDue) {
      return false;
    }
    const now = new Date();
    const toState: WorkflowState = step.kind === 'publish' ? 'published' : 'unpublished';
    const changes: Partial<ItemRow> =
      step.kind === 'publish'
        ? {
            status: toState,
            publishedRevisionId: item.currentRevisionId,
            publishedAt: now,
            firstPublishedAt: item.firstPublishedAt ?? now,
            publishAt: null,
            updatedAt: now,
          }
        : { status: toState, unpublishAt: null, updatedAt: now };
    await tx
      .update(contentItems)
      .set(changes)
      .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, itemId)));
    await recordEvent(tx, {
      item,
      action: `${step.kind}_scheduled`,
      toState,
      actorUserId: null,
      note: null,
    });
    await appendAudit(tx, {
      tenantId,
      actorUserId: null,
      action: `content.${step.kind}_scheduled`,
      resourceType: item.type,
      resourceId: item.id,
      before: { status: item.status },
      after: { status: toState },
    });
    return true;
  });
  if (changed) {
    deps.onPublicChange(tenantId);
  }

  return changed;
}
