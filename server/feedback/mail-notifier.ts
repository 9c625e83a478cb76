import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/index.ts';
import { composeReminderMail, composeTrackingCodeMail } from './mail-messages.ts';
import type { FeedbackNotifier } from './notifier.ts';

export type MailNotifierOptions = { mailer: Mailer; log: Logger };

/**
 * Creates the notifier that mails: the tracking code to the sender's address, and each
 * reminder to every recipient in a message of its own, so no one sees the others' addresses.
 *
 * NOTE: a reminder that fails for one recipient throws, and its retry mails the earlier
 * recipients again.
 */
export function createMailNotifier(options: MailNotifierOptions): FeedbackNotifier {
  const { mailer, log } = options;

  return {
    canMailSenders: true,
    sendTrackingCode: async (message) => {
      await mailer.send({ to: message.to, ...composeTrackingCodeMail(message) });
    },
    remindStaff: async (reminder) => {
      const ids = { tenantId: reminder.tenantId, caseId: reminder.caseId };
      if (reminder.recipients.length === 0) {
        log.warn({ ...ids, deadline: reminder.deadline }, 'feedback reminder has no recipient');
        return;
      }
      const mail = composeReminderMail(reminder);
      for (const to of reminder.recipients) {
        await mailer.send({ to, ...mail });
      }
      log.info(
        { ...ids, deadline: reminder.deadline, recipients: reminder.recipients.length },
        'feedback reminder mailed',
      );
    },
  };
}
