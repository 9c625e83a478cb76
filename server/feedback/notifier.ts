import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createSmtpMailer, describeSmtpRelay } from '../mail/index.ts';
import { createMailNotifier } from './mail-notifier.ts';

/** A portal's names as mails show them. `nameEn` is null for a portal without one. */
export type PortalNames = { nameVi: string; nameEn: string | null };

/**
 * The tracking code of a new case for the address the sender gave. It carries nothing else of
 * the case, since that address may belong to someone other than the sender.
 */
export type TrackingCodeMessage = {
  to: string;
  trackingCode: string;
  portal: PortalNames;
  /** The lookup page on the host the sender used, or null when that is unknown. */
  lookupUrl: string | null;
  receivedAt: Date;
};

/** A reminder that a deadline of a case is near, for the staff of the unit handling it. */
export type DeadlineReminder = {
  tenantId: string;
  caseId: string;
  assignedTenantId: string | null;
  deadline: 'answer' | 'progress';
  dueAt: Date;
  /** The portal of the unit handling the case. */
  portal: PortalNames;
  /** The addresses of the active staff who may take the case's next step. */
  recipients: readonly string[];
};

/**
 * Sends the messages of the feedback module: the tracking code to a sender who gave an email
 * address, and deadline reminders to the staff handling a case. A method that throws leaves
 * its job to be retried.
 */
export interface FeedbackNotifier {
  /** Whether `sendTrackingCode` delivers anything; the confirmation page says so. */
  readonly canMailSenders: boolean;
  sendTrackingCode(message: TrackingCodeMessage): Promise<void>;
  remindStaff(reminder: DeadlineReminder): Promise<void>;
}

/**
 * The notifier while the platform has no outgoing mail: nothing is mailed, and reminders go to
 * the log and the case history only.
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
          recipients: reminder.recipients.length,
        },
        'feedback deadline is near',
      );
    },
  };
}

/** Creates the notifier the configuration selects: SMTP when `SMTP_URL` is set, else the log. */
export function createFeedbackNotifier(config: Pick<Config, 'mail'>, log: Logger) {
  if (!config.mail) {
    return createLogOnlyNotifier(log);
  }
  log.info({ relay: describeSmtpRelay(config.mail.smtpUrl) }, 'feedback mail goes out over SMTP');
  const mailer = createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from });

  return createMailNotifier({ mailer, log });
}
