import { escapeHtml, type MailMessage } from '../mail/index.ts';
import type { DeadlineReminder, PortalNames, TrackingCodeMessage } from './notifier.ts';

type Composed = Omit<MailMessage, 'to'>;

/** A paragraph of a mail. One marked `isCode` is shown large and monospaced. */
type Paragraph = { text: string; isCode?: boolean };

function formatTime(value: Date, locale: 'vi-VN' | 'en-GB'): string {
  const formatted = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(value);

  return locale === 'vi-VN' ? `${formatted} (giờ Việt Nam)` : `${formatted} (Vietnam time)`;
}

function englishName(portal: PortalNames): string {
  return portal.nameEn ?? portal.nameVi;
}

function toText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((paragraph) => paragraph.text).join('\n\n');
}

function toHtml(paragraphs: readonly Paragraph[]): string {
  return paragraphs
    .map((paragraph) =>
      paragraph.isCode
        ? `<p style="font-family:monospace;font-size:1.25em;font-weight:bold">${escapeHtml(paragraph.text)}</p>`
        : `<p>${escapeHtml(paragraph.text)}</p>`,
    )
    .join('\n');
}

/** Joins the Vietnamese part and, below a rule, the English part into text and HTML. */
function bilingual(subject: string, vi: Paragraph[], en: Paragraph[]): Composed {
  const html = [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2933">',
    `<div lang="vi">\n${toHtml(vi)}\n</div>`,
    '<hr>',
    `<div lang="en">\n${toHtml(en)}\n</div>`,
    '</body></html>',
  ].join('\n');

  return { subject, text: `${toText(vi)}\n\n---\n\n${toText(en)}\n`, html };
}

/**
 * Composes the mail with a new case's tracking code: the code, when the case was received and
 * where to look it up. Nothing the sender wrote goes into it (not the name, subject or text),
 * because the address typed into the form may be someone else's.
 */
export function composeTrackingCodeMail(message: TrackingCodeMessage): Composed {
  const { portal, trackingCode, lookupUrl } = message;
  const lookupVi = lookupUrl
    ? `Dùng mã này tại ${lookupUrl} để xem tình trạng xử lý và câu trả lời.`
    : 'Dùng mã này tại trang Tra cứu kết quả xử lý của cổng để xem tình trạng xử lý và câu trả lời.';
  const lookupEn = lookupUrl
    ? `Enter this code at ${lookupUrl} to follow the handling and read the answer.`
    : "Enter this code on the portal's lookup page to follow the handling and read the answer.";

  return bilingual(
    `Mã tra cứu phản ánh, kiến nghị / Feedback tracking code: ${portal.nameVi}`,
    [
      {
        text: `${portal.nameVi} đã tiếp nhận phản ánh, kiến nghị gửi lúc ${formatTime(message.receivedAt, 'vi-VN')}. Mã tra cứu:`,
      },
      { text: trackingCode, isCode: true },
      { text: lookupVi },
      {
        text: 'Cổng không lưu mã ở dạng đọc được nên không thể cấp lại; hãy giữ thư này. Nếu bạn không gửi phản ánh, kiến nghị nào, hãy bỏ qua thư.',
      },
    ],
    [
      {
        text: `${englishName(portal)} received feedback sent at ${formatTime(message.receivedAt, 'en-GB')}. Tracking code:`,
      },
      { text: trackingCode, isCode: true },
      { text: lookupEn },
      {
        text: 'The portal does not store the code in readable form and cannot issue it again, so keep this message. If you sent no feedback, ignore this message.',
      },
    ],
  );
}

const deadlineNames = {
  answer: { vi: 'hạn trả lời', en: 'answer' },
  progress: { vi: 'hạn cập nhật tiến độ', en: 'progress note' },
} as const;

/**
 * Composes a deadline reminder for staff. It names the case by its id and the deadline only:
 * the sender's details and wording stay in the admin, where reading them is audited.
 */
export function composeReminderMail(reminder: DeadlineReminder): Composed {
  const names = deadlineNames[reminder.deadline];
  const { portal } = reminder;

  return bilingual(
    `Sắp đến ${names.vi} phản ánh, kiến nghị / Feedback ${names.en} due soon: ${portal.nameVi}`,
    [
      {
        text: `Phản ánh, kiến nghị có mã hồ sơ ${reminder.caseId} do ${portal.nameVi} xử lý sắp đến ${names.vi}: ${formatTime(reminder.dueAt, 'vi-VN')}.`,
      },
      {
        text: 'Đăng nhập trang quản trị, mở mục Phản ánh, kiến nghị và tìm hồ sơ này để xử lý.',
      },
    ],
    [
      {
        text: `The ${names.en} for feedback case ${reminder.caseId}, handled by ${englishName(portal)}, is due ${formatTime(reminder.dueAt, 'en-GB')}.`,
      },
      { text: 'Sign in to the admin and open Feedback and petitions to handle the case.' },
    ],
  );
}
