import { createTransport } from 'nodemailer';

/** One message to one recipient, in plain text with an HTML alternative. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
};

/** A channel for outgoing mail. `send` resolves once the relay has accepted the message. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export type SmtpMailerOptions = {
  /** `smtp://host:587` or `smtps://user:password@host:465`. Nodemailer also reads options from its query. */
  url: string;
  from: string;
};

/**
 * Creates a mailer that sends each message over its own SMTP connection. The time limits stop a
 * relay that no longer responds from holding a job past its lease. Options in the URL's query
 * (for example `?ignoreTLS=true`) override them.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = createTransport({
    url: options.url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });

  return {
    send: async (message) => {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}

/** Returns the relay's host and port from an SMTP URL, for logs that must not show credentials. */
export function describeSmtpRelay(url: string): string {
  const parsed = new URL(url);

  return `${parsed.protocol}//${parsed.host}`;
}
