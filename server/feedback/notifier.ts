import type { Logger } from '../logger.ts';

/** A reminder that a deadline of a case is near. */
export type DeadlineReminder = {
  tenantId: string;
  caseId: string;
  assignedTenantId: string | null;
  deadline: 'answer' | 'progress';
  dueAt: Date;
};

/**
 * Sends the messages of the feedback module: the tracking code to a sender who gave an email
 * address, and deadline reminders to the staff handling a case.
 */
export interface FeedbackNotifier {
  /** Whether `sendTrackingCode` delivers anything; the confirmation page says so. */
  readonly canMailSenders: boolean;
  sendTrackingCode(message: { to: string; trackingCode: string; subject: string }): Promise<void>;
  remindStaff(reminder: DeadlineReminder): Promise<void>;
}

/**
 * The notifier while the platform has no outgoing mail: nothing is mailed, and reminders go to
 * the log and the case history only.
 *
 * NOTE: no SMTP settings exist yet. A mailing notifier needs them in the configuration and
 * replaces this one where the app is built.
 */
export function createLogOnlyNotifier(log: Logger): FeedbackNotifier {
  return {
    canMailSenders: false,
    sendTrackingCode: async () => {},
    remindStaff: async (reminder) => {
      log.warn(
        {
          tenantId: reminder.tenantId,
          caseId: reminder.caseId,
          assignedTenantId: reminder.assignedTenantId,
          deadline: reminder.deadline,
          dueAt: reminder.dueAt.toISOString(),
        },
        'feedback deadline is near',
      );
    },
  };
}
