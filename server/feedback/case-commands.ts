import { and, desc, eq, inArray } from 'drizzle-orm';

import type { ActingContext, TenantRef } from '../access/context.ts';
import { feedbackCases, feedbackEvents, tenants } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { FeedbackTopic, RejectionReason } from './case-labels.ts';
import { computeProgressDueAt, loadFeedbackDeadlines } from './deadlines.ts';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { scheduleReminder } from './reminders.ts';
import { takeStep, type FeedbackCaseRow } from './take-step.ts';
import { hashTrackingCode } from './tracking-code.ts';

type StepCall<Input> = (
  deps: WorkflowDependencies,
  context: ActingContext,
  tenant: TenantRef,
  caseId: string,
  input: Input,
) => Promise<FeedbackCaseRow>;

/** Sets the topic and, optionally, the kind and the unit proposed to handle the case. */
export const classifyCase: StepCall<{
  topic: FeedbackTopic;
  kind?: 'feedback' | 'petition' | undefined;
  note?: string | undefined;
}> = (deps, context, tenant, caseId, input) =>
  takeStep(deps.db, context, tenant, caseId, 'classify', async ({ row }) => ({
    toState: 'classified',
    changes: { topic: input.topic, kind: row.kind === 'draft_comment' ? row.kind : input.kind },
    note: input.note ?? null,
    before: { topic: row.topic, kind: row.kind },
    after: { topic: input.topic, kind: input.kind ?? row.kind },
  }));

async function findForwardTarget(tx: Tx, tenantId: string) {
  const [target] = await tx
    .select({ id: tenants.id, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.id, tenantId));

  return target;
}

/**
 * Checks, before a case is classified, the unit that the same request forwards it to, so that a
 * bad unit is rejected with nothing changed. Throws an `invalid_input` AppError naming `field`.
 */
export async function assertForwardTarget(
  db: Db,
  receivingTenantId: string,
  targetId: string,
  field: string,
) {
  if (targetId === receivingTenantId) {
    return;
  }
  const target = await withoutTenant(db, (tx) => findForwardTarget(tx, targetId));
  if (!target || target.status !== 'active') {
    throw new AppError('invalid_input', 'No active portal has this id', {
      fields: [{ field, message: 'not an active portal' }],
    });
  }
}

/**
 * Moves the case into the queue of the competent unit: the unit reads, answers and notes it
 * under its own tenant scope, and the receiving portal keeps seeing it.
 */
export const forwardCase: StepCall<{ toTenantId: string; note?: string | undefined }> = (
  deps,
  context,
  tenant,
  caseId,
  input,
) =>
  takeStep(deps.db, context, tenant, caseId, 'forward', async ({ tx, row }) => {
    if (input.toTenantId === row.tenantId) {
      throw new AppError('invalid_input', 'A case cannot be forwarded to the portal that has it', {
        fields: [{ field: 'toTenantId', message: 'is the receiving portal' }],
      });
    }
    const target = await findForwardTarget(tx, input.toTenantId);
    if (!target || target.status !== 'active') {
      throw new AppError('invalid_input', 'No active portal has this id', {
        fields: [{ field: 'toTenantId', message: 'not an active portal' }],
      });
    }

    return {
      toState: 'forwarded',
      changes: { assignedTenantId: input.toTenantId },
      note: input.note ?? null,
      before: { assignedTenantId: row.assignedTenantId },
      after: { assignedTenantId: input.toTenantId },
    };
  });

/** Closes the case without an answer: spam, out of scope, or a duplicate. A reason is required. */
export const rejectCase: StepCall<{ reason: RejectionReason; note: string }> = (
  deps,
  context,
  tenant,
  caseId,
  input,
) =>
  takeStep(deps.db, context, tenant, caseId, 'reject', async () => ({
    toState: 'rejected',
    changes: { rejectionReason: `${input.reason}: ${input.note}`, nextProgressDueAt: null },
    note: input.note,
    after: { reason: input.reason },
  }));

/** The case to merge into: by its id, or else by the tracking code its sender quotes. */
export type MergeTarget = {
  intoCaseId?: string | undefined;
  intoTrackingCode?: string | undefined;
};

function mergeTargetCondition(row: FeedbackCaseRow, input: MergeTarget) {
  const sameTenant = eq(feedbackCases.tenantId, row.tenantId);
  if (input.intoCaseId !== undefined) {
    return and(sameTenant, eq(feedbackCases.id, input.intoCaseId));
  }
  const hash = input.intoTrackingCode ? hashTrackingCode(input.intoTrackingCode) : null;

  return hash ? and(sameTenant, eq(feedbackCases.trackingCodeHash, hash)) : undefined;
}

/**
 * Closes the case as a duplicate of another open or answered case of the same portal, named by
 * its id or its tracking code. An unknown code and a closed target are both invalid input on
 * the field that named the target.
 */
export const mergeCase: StepCall<MergeTarget & { note?: string | undefined }> = (
  deps,
  context,
  tenant,
  caseId,
  input,
) =>
  takeStep(deps.db, context, tenant, caseId, 'merge', async ({ tx, row }) => {
    const condition = mergeTargetCondition(row, input);
    const [target] = condition
      ? await tx
          .select({ id: feedbackCases.id, status: feedbackCases.status })
          .from(feedbackCases)
          .where(condition)
      : [];
    if (!target || target.id === row.id || ['merged', 'rejected'].includes(target.status)) {
      const field = input.intoCaseId !== undefined ? 'intoCaseId' : 'intoTrackingCode';
      throw new AppError(
        'invalid_input',
        'Merge into another open or answered case of this portal',
        {
          fields: [{ field, message: 'not a case this one can be merged into' }],
        },
      );
    }

    return {
      toState: 'merged',
      changes: { mergedIntoId: target.id, nextProgressDueAt: null },
      note: input.note ?? null,
      after: { mergedIntoId: target.id },
    };
  });

/** Saves the draft answer; a later call replaces it until the answer is published. */
export const answerCase: StepCall<{ answer: string }> = (deps, context, tenant, caseId, input) =>
  takeStep(deps.db, context, tenant, caseId, 'answer', async ({ row, now }) => ({
    toState: 'answered',
    changes: { answerBody: input.answer, answeredAt: now, answeredBy: context.actor.userId },
    before: { answer: row.answerBody },
    after: { answer: input.answer },
  }));

/**
 * Sends an answer that does not address the petition back for rework, with a note, before it
 * is published. The case returns to the unit it was forwarded to, or to classified.
 */
export const returnAnswer: StepCall<{ note: string }> = (deps, context, tenant, caseId, input) =>
  takeStep(deps.db, context, tenant, caseId, 'return', async ({ row }) => ({
    toState: row.assignedTenantId ? 'forwarded' : 'classified',
    changes: {},
    note: input.note,
  }));

async function latestReview(tx: Tx, row: FeedbackCaseRow) {
  const [event] = await tx
    .select({ action: feedbackEvents.action })
    .from(feedbackEvents)
    .where(
      and(
        eq(feedbackEvents.tenantId, row.tenantId),
        eq(feedbackEvents.caseId, row.id),
        inArray(feedbackEvents.action, ['answer', 'return', 'approve']),
      ),
    )
    .orderBy(desc(feedbackEvents.occurredAt))
    .limit(1);

  return event?.action;
}

/** Approves the current draft answer; publication needs an approval of the latest draft. */
export const approveAnswer: StepCall<{ note?: string | undefined }> = (
  deps,
  context,
  tenant,
  caseId,
  input,
) =>
  takeStep(deps.db, context, tenant, caseId, 'approve', async ({ tx, row }) => {
    if ((await latestReview(tx, row)) === 'approve') {
      throw new AppError('conflict', 'The current answer is already approved');
    }

    return { toState: 'answered', changes: {}, note: input.note ?? null };
  });

/** Publishes the approved answer on the receiving portal's answers page and lookup page. */
export async function publishAnswer(
  deps: WorkflowDependencies,
  context: ActingContext,
  tenant: TenantRef,
  caseId: string,
) {
  const published = await takeStep(
    deps.db,
    context,
    tenant,
    caseId,
    'publish',
    async ({ tx, row, now }) => {
      if ((await latestReview(tx, row)) !== 'approve') {
        throw new AppError('conflict', 'Approve the current answer before publishing it');
      }

      return {
        toState: 'published',
        changes: { publishedAt: now, nextProgressDueAt: null },
        isPublic: true,
        after: { publishedAt: now.toISOString() },
      };
    },
  );
  deps.onPublicChange(published.tenantId);

  return published;
}

/**
 * Adds a public progress note, which the sender sees on the lookup page, and moves the next
 * progress deadline to the set number of working days after it.
 */
export async function addProgressNote(
  deps: WorkflowDependencies,
  context: ActingContext,
  tenant: TenantRef,
  caseId: string,
  input: { note: string },
) {
  const calendar = await deps.getCalendar();

  return takeStep(deps.db, context, tenant, caseId, 'progress_note', async ({ tx, row, now }) => {
    // The deadlines of the portal taking the step, whose policies this scope can read.
    const deadlines = await loadFeedbackDeadlines(tx, tenant.id);
    const nextProgressDueAt =
      row.kind === 'draft_comment'
        ? null
        : computeProgressDueAt(calendar, now, deadlines.progressEveryWorkingDays);
    await scheduleReminder(tx, row.tenantId, row.id, 'progress', nextProgressDueAt);

    return {
      toState: row.status,
      changes: { nextProgressDueAt },
      note: input.note,
      isPublic: true,
      after: { nextProgressDueAt: nextProgressDueAt?.toISOString() ?? null },
    };
  });
}
