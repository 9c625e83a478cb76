import { and, eq, or } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents, type FeedbackState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { caseSteps, type CaseStepName } from './case-steps.ts';

export type FeedbackCaseRow = typeof feedbackCases.$inferSelect;

/** What one step changes: the case's new columns and state, and the event that records it. */
export type StepOutcome = {
  toState: FeedbackState;
  changes: Partial<typeof feedbackCases.$inferInsert>;
  note?: string | null;
  isPublic?: boolean;
  /** Audit values beyond the state, e.g. the topic; never the sender's details. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

/** The row and the acting portal's relation to it, as a step's `plan` sees them. */
export type StepContext = {
  tx: Tx;
  row: FeedbackCaseRow;
  tenant: TenantRef;
  isOwner: boolean;
  now: Date;
};

/**
 * Loads a case that the acting portal received or was forwarded, locked for a step when
 * `forUpdate` is set. A case of any other portal is not found, since row-level security hides
 * it.
 */
export async function findCase(tx: Tx, tenantId: string, caseId: string, forUpdate = false) {
  const query = tx
    .select()
    .from(feedbackCases)
    .where(
      and(
        eq(feedbackCases.id, caseId),
        or(eq(feedbackCases.tenantId, tenantId), eq(feedbackCases.assignedTenantId, tenantId)),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) {
    throw new AppError('not_found', 'No feedback case with this id on this portal');
  }

  return row;
}

/** Whether the acting portal may take the step on the case, by state and by its relation. */
export function isStepAvailable(step: CaseStepName, row: FeedbackCaseRow, tenantId: string) {
  const rule = caseSteps[step];
  const isOwner = row.tenantId === tenantId;
  const isAssignee = row.assignedTenantId === tenantId;

  return rule.from.includes(row.status) && (isOwner || (rule.by === 'either' && isAssignee));
}

/**
 * Takes one handling step on a case for the acting portal: checks the permission, locks the
 * case, checks the state and who may take the step, lets `plan` decide the change, then
 * writes the case, one `feedback_events` row and one audit entry in one transaction. Returns
 * the updated case.
 */
export async function takeStep(
  db: Parameters<typeof withTenant>[0],
  context: ActingContext,
  tenant: TenantRef,
  caseId: string,
  step: CaseStepName,
  plan: (step: StepContext) => Promise<StepOutcome>,
): Promise<FeedbackCaseRow> {
  const rule = caseSteps[step];
  if (!can(context.actor, rule.permission, tenantResource(tenant))) {
    throw new AppError('forbidden', `You are not allowed to do this (${rule.permission})`);
  }

  return withTenant(db, tenant.id, async (tx) => {
    const row = await findCase(tx, tenant.id, caseId, true);
    const isOwner = row.tenantId === tenant.id;
    if (!rule.from.includes(row.status)) {
      throw new AppError('conflict', `A case in the ${row.status} state cannot take ${step}`, {
        fields: [{ field: 'status', message: row.status }],
      });
    }
    if (!isStepAvailable(step, row, tenant.id)) {
      throw new AppError('forbidden', `Only the portal that received the case may ${step} it`);
    }

    const now = new Date();
    const outcome = await plan({ tx, row, tenant, isOwner, now });
    const [updated] = await tx
      .update(feedbackCases)
      .set({ ...outcome.changes, status: outcome.toState, updatedAt: now })
      .where(and(eq(feedbackCases.tenantId, row.tenantId), eq(feedbackCases.id, row.id)))
      .returning();
    await tx.insert(feedbackEvents).values({
      tenantId: row.tenantId,
      caseId: row.id,
      action: step,
      fromState: row.status,
      toState: outcome.toState,
      note: outcome.note ?? null,
      isPublic: outcome.isPublic ?? false,
      actorUserId: context.actor.userId,
      // The unit handling the case reads the events that name it.
      assignedTenantId: updated!.assignedTenantId,
      occurredAt: now,
    });
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: `feedback.${step}`,
      resourceType: 'feedback_case',
      resourceId: row.id,
      before: { status: row.status, ...outcome.before },
      after: { status: outcome.toState, ...outcome.after },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return updated!;
  });
}
