import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, feedbackEvents } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import type { FeedbackKind } from './case-labels.ts';
import { markChallengeUsed, type PassedChallenge } from './challenge.ts';
import { computeAnswerDueAt, computeProgressDueAt, loadFeedbackDeadlines } from './deadlines.ts';
import type { FeedbackDependencies } from './dependencies.ts';
import type { ValidIntake } from './intake-form.ts';
import { enqueueTrackingCodeMail } from './mail-jobs.ts';
import { scheduleReminder } from './reminders.ts';
import { generateTrackingCode, hashTrackingCode } from './tracking-code.ts';

export type SubmitFeedbackInput = {
  tenantId: string;
  kind: FeedbackKind;
  /** For a comment on a draft for public comment: the draft item. */
  draftItemId?: string | null;
  intake: ValidIntake;
  attachmentMediaIds: string[];
  challenge: PassedChallenge;
  requestId: string;
  receivedAt?: Date;
  /** The lookup page on the host the sender used, for the mail with the tracking code. */
  lookupUrl?: string | null;
};

export type SubmittedFeedback = {
  caseId: string;
  /** The code the sender uses to look the case up; only its hash is stored. */
  trackingCode: string;
  dueAt: Date | null;
};

/**
 * Stores a new case in the `received` state, in one transaction of the receiving portal, with
 * its first event, an audit entry and the reminders of its deadlines. When the sender gave an
 * email address and the notifier mails, the same transaction enqueues the tracking-code mail.
 * The anti-spam response is recorded as used in the same transaction, and a response used
 * before raises a `conflict` AppError naming the `challenge` field. Comments on drafts have no
 * answer deadline.
 */
export async function submitFeedback(
  deps: FeedbackDependencies,
  input: SubmitFeedbackInput,
): Promise<SubmittedFeedback> {
  const receivedAt = input.receivedAt ?? new Date();
  const calendar = await deps.getCalendar();
  const trackingCode = generateTrackingCode();
  const isPetition = input.kind !== 'draft_comment';

  const created = await withTenant(deps.db, input.tenantId, async (tx) => {
    if (!(await markChallengeUsed(tx, input.challenge))) {
      throw new AppError('conflict', 'This anti-spam response was already used', {
        fields: [{ field: 'challenge', message: 'already used' }],
      });
    }
    const deadlines = await loadFeedbackDeadlines(tx, input.tenantId);
    const dueAt = isPetition
      ? computeAnswerDueAt(calendar, receivedAt, deadlines.answerWithinDays)
      : null;
    const nextProgressDueAt = isPetition
      ? computeProgressDueAt(calendar, receivedAt, deadlines.progressEveryWorkingDays)
      : null;
    const [row] = await tx
      .insert(feedbackCases)
      .values({
        tenantId: input.tenantId,
        kind: input.kind,
        draftItemId: input.draftItemId ?? null,
        trackingCodeHash: hashTrackingCode(trackingCode)!,
        subject: input.intake.subject,
        body: input.intake.body,
        senderName: input.intake.senderName,
        senderEmail: input.intake.senderEmail,
        senderPhone: input.intake.senderPhone,
        senderOrganisation: input.intake.senderOrganisation,
        consentAt: receivedAt,
        attachmentMediaIds: input.attachmentMediaIds,
        receivedAt,
        dueAt,
        nextProgressDueAt,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      })
      .returning();
    const feedbackCase = row!;
    await tx.insert(feedbackEvents).values({
      tenantId: input.tenantId,
      caseId: feedbackCase.id,
      action: 'receive',
      toState: 'received',
      isPublic: true,
      occurredAt: receivedAt,
    });
    await appendAudit(tx, {
      tenantId: input.tenantId,
      actorUserId: null,
      action: 'feedback.receive',
      resourceType: 'feedback_case',
      resourceId: feedbackCase.id,
      // The sender's details and address stay out of the audit log, which outlives their
      // retention period.
      after: {
        kind: input.kind,
        status: 'received',
        dueAt: dueAt?.toISOString() ?? null,
        attachments: input.attachmentMediaIds.length,
      },
      requestId: input.requestId,
    });
    await scheduleReminder(tx, input.tenantId, feedbackCase.id, 'answer', dueAt);
    await scheduleReminder(tx, input.tenantId, feedbackCase.id, 'progress', nextProgressDueAt);
    if (input.intake.senderEmail && deps.notifier.canMailSenders) {
      await enqueueTrackingCodeMail(tx, {
        tenantId: input.tenantId,
        caseId: feedbackCase.id,
        trackingCode,
        lookupUrl: input.lookupUrl ?? null,
      });
    }

    return feedbackCase;
  });

  return { caseId: created.id, trackingCode, dueAt: created.dueAt };
}
