import { z } from 'zod';

import type { FeedbackKind } from './case-labels.ts';

/** The limits of the intake form's fields, in characters. */
export const fieldLimits = {
  senderName: { min: 2, max: 200 },
  senderEmail: { max: 254 },
  senderPhone: { max: 20 },
  senderOrganisation: { max: 300 },
  subject: { min: 5, max: 300 },
  body: { min: 20, max: 10_000 },
} as const;

/** The text fields of the form, under the names the HTML form uses. */
export type IntakeValues = {
  kind: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string;
  senderOrganisation: string;
  subject: string;
  body: string;
  consent: boolean;
};

export const emptyIntakeValues: IntakeValues = {
  kind: 'feedback',
  senderName: '',
  senderEmail: '',
  senderPhone: '',
  senderOrganisation: '',
  subject: '',
  body: '',
  consent: false,
};

/** The form's problems by field name, in Vietnamese; `form` is one about the whole form. */
export type FieldErrors = Partial<
  Record<keyof IntakeValues | 'attachments' | 'challenge' | 'form', string>
>;

/** Input that passed every check, ready to be stored. */
export type ValidIntake = {
  kind: Exclude<FeedbackKind, 'draft_comment'>;
  senderName: string;
  senderEmail: string | null;
  senderPhone: string | null;
  senderOrganisation: string | null;
  subject: string;
  body: string;
};

// Control characters other than tab and line breaks have no place in a petition, and NUL
// cannot be stored in a PostgreSQL text column at all.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const phonePattern = /^\+?[0-9][0-9 .()-]{6,18}[0-9]$/;
const emailSchema = z.email();

/** Cleans one submitted value: Unicode NFC, no control characters, trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') {
    return '';
  }

  return value.normalize('NFC').replace(controlCharacters, '').trim();
}

/** Reads the form's text fields from a parsed body, keeping what was typed for a redisplay. */
export function readIntakeValues(body: Record<string, unknown>): IntakeValues {
  return {
    kind: cleanText(body.kind) || 'feedback',
    senderName: cleanText(body.senderName),
    senderEmail: cleanText(body.senderEmail),
    senderPhone: cleanText(body.senderPhone),
    senderOrganisation: cleanText(body.senderOrganisation),
    subject: cleanText(body.subject),
    body: cleanText(body.body),
    consent: body.consent === 'yes',
  };
}

function checkLength(
  errors: FieldErrors,
  field: keyof typeof fieldLimits,
  value: string,
  label: string,
) {
  const limits: { min?: number; max: number } = fieldLimits[field];
  if (limits.min !== undefined && value.length > 0 && value.length < limits.min) {
    errors[field] = `${label} cần ít nhất ${limits.min} ký tự.`;
  } else if (value.length > limits.max) {
    errors[field] = `${label} dài ${value.length} ký tự, vượt quá giới hạn ${limits.max} ký tự.`;
  }
}

/**
 * Checks the form's text fields. Returns the problems by field, or the cleaned input when there
 * are none. `isKindFixed` is set for comments on a draft, whose kind the form does not offer.
 */
export function validateIntake(
  values: IntakeValues,
  options: { isKindFixed?: boolean } = {},
): { errors: FieldErrors } | { input: ValidIntake } {
  const errors: FieldErrors = {};
  const kind = options.isKindFixed ? 'feedback' : values.kind;
  if (kind !== 'feedback' && kind !== 'petition') {
    errors.kind = 'Chọn loại: phản ánh hoặc kiến nghị.';
  }
  if (!values.senderName) {
    errors.senderName = 'Nhập họ và tên của người gửi.';
  }
  checkLength(errors, 'senderName', values.senderName, 'Họ và tên');
  if (values.senderEmail && !emailSchema.safeParse(values.senderEmail).success) {
    errors.senderEmail = 'Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten@example.vn.';
  }
  checkLength(errors, 'senderEmail', values.senderEmail, 'Địa chỉ thư điện tử');
  if (values.senderPhone && !phonePattern.test(values.senderPhone)) {
    errors.senderPhone = 'Số điện thoại không hợp lệ: chỉ gồm chữ số, có thể có dấu + ở đầu.';
  }
  if (!values.senderEmail && !values.senderPhone) {
    errors.senderEmail = 'Nhập thư điện tử hoặc số điện thoại (ít nhất một) để được liên hệ.';
  }
  checkLength(errors, 'senderOrganisation', values.senderOrganisation, 'Tên cơ quan, tổ chức');
  if (!values.subject) {
    errors.subject = 'Nhập tiêu đề.';
  }
  checkLength(errors, 'subject', values.subject, 'Tiêu đề');
  if (!values.body) {
    errors.body = 'Nhập nội dung.';
  }
  checkLength(errors, 'body', values.body, 'Nội dung');
  if (!values.consent) {
    errors.consent = 'Cần đồng ý cho xử lý dữ liệu cá nhân thì mới gửi được.';
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }

  return {
    input: {
      kind: kind as ValidIntake['kind'],
      senderName: values.senderName,
      senderEmail: values.senderEmail || null,
      senderPhone: values.senderPhone || null,
      senderOrganisation: values.senderOrganisation || null,
      subject: values.subject,
      body: values.body,
    },
  };
}
