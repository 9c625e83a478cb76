import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { enqueue } from '../jobs/index.ts';
import { isOpenState } from './case-labels.ts';
import { reminderLeadDays } from './deadlines.ts';
import type { FeedbackDependencies } from './dependencies.ts';
import { findReminderAudience } from './reminder-recipients.ts';
import type { FeedbackCaseRow } from './take-step.ts';

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

type DueReminder = {
  tenantId: string;
  caseId: string;
  deadline: Deadline;
  dueAt: string;
};

function reminderNote(reminder: DueReminder): string {
  return `reminder:${reminder.deadline}:${reminder.dueAt}`;
}

async function hasReminderEvent(tx: Tx, reminder: DueReminder): Promise<boolean> {
  const [earlier] = await tx
    .select({ id: feedbackEvents.id })
    .from(feedbackEvents)
    .where(
      and(
        eq(feedbackEvents.tenantId, reminder.tenantId),
        eq(feedbackEvents.caseId, reminder.caseId),
        eq(feedbackEvents.note, reminderNote(reminder)),
      ),
    );

  return earlier !== undefined;
}

/** Loads the case when it is open, still has the deadline and has not been reminded of it. */
async function findCaseToRemind(tx: Tx, reminder: DueReminder) {
  const [row] = await tx
    .select()
    .from(feedbackCases)
    .where(
      and(eq(feedbackCases.tenantId, reminder.tenantId), eq(feedbackCases.id, reminder.caseId)),
    );
  const current = reminder.deadline === 'answer' ? row?.dueAt : row?.nextProgressDueAt;
  if (!row || !current || !isOpenState(row.status) || current.toISOString() !== reminder.dueAt) {
    return null;
  }
  if (await hasReminderEvent(tx, reminder)) {
    return null;
  }

  return { row, dueAt: current };
}

/** Records the reminder as a `reminder` event and an audit entry, unless one is recorded. */
async function recordReminder(tx: Tx, reminder: DueReminder, row: FeedbackCaseRow) {
  if (await hasReminderEvent(tx, reminder)) {
    return false;
  }
  await tx.insert(feedbackEvents).values({
    tenantId: reminder.tenantId,
    caseId: reminder.caseId,
    action: 'reminder',
    fromState: row.status,
    toState: row.status,
    note: reminderNote(reminder),
    assignedTenantId: row.assignedTenantId,
  });
  await appendAudit(tx, {
    tenantId: reminder.tenantId,
    actorUserId: null,
    action: 'feedback.remind',
    resourceType: 'feedback_case',
    resourceId: reminder.caseId,
    after: { deadline: reminder.deadline, dueAt: reminder.dueAt },
  });

  return true;
}

/**
 * Runs one reminder job: when the case is still open and the deadline is the one the job was
 * made for, calls the notifier for the staff of the unit handling the case, then records a
 * `reminder` event and an audit entry. Returns whether a reminder was sent. The notifier runs
 * before anything is recorded, so a failed send throws and the job's retry sends it again, and
 * a run after a recorded reminder does nothing.
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
  const reminder: DueReminder = { tenantId, caseId, deadline, dueAt };

  const due = await withTenant(deps.db, tenantId, (tx) => findCaseToRemind(tx, reminder));
  if (!due) {
    return false;
  }
  // A case not yet classified waits for those who classify it, any other for those who answer it.
  const action = due.row.status === 'received' ? 'feedback.classify' : 'feedback.answer';
  const handlingTenantId = due.row.assignedTenantId ?? tenantId;
  const audience = await findReminderAudience(deps.db, handlingTenantId, action);
  await deps.notifier.remindStaff({
    tenantId,
    caseId,
    assignedTenantId: due.row.assignedTenantId,
    deadline,
    dueAt: due.dueAt,
    portal: audience.portal,
    recipients: audience.recipients,
  });

  return withTenant(deps.db, tenantId, (tx) => recordReminder(tx, reminder, due.row));
}
