import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { enqueue } from '../jobs/index.ts';
import { isOpenState } from './case-labels.ts';
import { reminderLeadDays } from './deadlines.ts';
import type { FeedbackDependencies } from './dependencies.ts';

export const reminderJobKind = 'feedback.reminder';

type Deadline = 'answer' | 'progress';
const dayMs = 86_400_000;

/**
 * Enqueues the reminder of one deadline of a case, in the caller's transaction. The dedupe key
 * names the deadline's instant, so a moved deadline gets a reminder of its own and the old one
 * finds the deadline changed and does nothing.
 */
export async function scheduleReminder(
  tx: Tx,
  tenantId: string,
  caseId: string,
  deadline: Deadline,
  dueAt: Date | null,
) {
  if (!dueAt) {
    return;
  }
  const runAt = new Date(
    Math.max(Date.now(), dueAt.getTime() - reminderLeadDays[deadline] * dayMs),
  );
  await enqueue(tx, {
    kind: reminderJobKind,
    tenantId,
    payload: { caseId, deadline, dueAt: dueAt.toISOString() },
    runAt,
    dedupeKey: `${reminderJobKind}:${caseId}:${deadline}:${dueAt.toISOString()}`,
  });
}

type ReminderPayload = { caseId?: unknown; deadline?: unknown; dueAt?: unknown };

/**
 * Runs one reminder job: when the case is still open and the deadline is the one the job was
 * made for, records a `reminder` event and an audit entry and calls the notifier. Returns
 * whether a reminder was sent. Safe to repeat, since a second run finds the reminder recorded.
 */
export async function sendDeadlineReminder(
  deps: FeedbackDependencies,
  tenantId: string,
  payload: ReminderPayload,
): Promise<boolean> {
  const { caseId, deadline, dueAt } = payload;
  if (typeof caseId !== 'string' || (deadline !== 'answer' && deadline !== 'progress')) {
    return false;
  }
  if (typeof dueAt !== 'string') {
    return false;
  }

  const reminder = await withTenant(deps.db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(feedbackCases)
      .where(and(eq(feedbackCases.tenantId, tenantId), eq(feedbackCases.id, caseId)));
    const current = deadline === 'answer' ? row?.dueAt : row?.nextProgressDueAt;
    if (!row || !isOpenState(row.status) || current?.toISOString() !== dueAt) {
      return null;
    }
    const note = `reminder:${deadline}:${dueAt}`;
    const [earlier] = await tx
      .select({ id: feedbackEvents.id })
      .from(feedbackEvents)
      .where(
        and(
          eq(feedbackEvents.tenantId, tenantId),
          eq(feedbackEvents.caseId, caseId),
          eq(feedbackEvents.note, note),
        ),
      );
    if (earlier) {
      return null;
    }
    await tx.insert(feedbackEvents).values({
      tenantId,
      caseId,
      action: 'reminder',
      fromState: row.status,
      toState: row.status,
      note,
      assignedTenantId: row.assignedTenantId,
    });
    await appendAudit(tx, {
      tenantId,
      actorUserId: null,
      action: 'feedback.remind',
      resourceType: 'feedback_case',
      resourceId: caseId,
      after: { deadline, dueAt },
    });

    return { assignedTenantId: row.assignedTenantId, dueAt: current };
  });
  if (!reminder) {
    return false;
  }
  await deps.notifier.remindStaff({
    tenantId,
    caseId,
    assignedTenantId: reminder.assignedTenantId,
    deadline,
    dueAt: reminder.dueAt,
  });

  return true;
}
