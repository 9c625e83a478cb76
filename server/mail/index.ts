export { escapeHtml } from './escape-html.ts';
export {
  createSmtpMailer,
  describeSmtpRelay,
  type Mailer,
  type MailMessage,
  type SmtpMailerOptions,
} from './mailer.ts';
