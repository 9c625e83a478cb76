import { stringify } from 'csv-stringify/sync';

import { publicStateLabels } from './case-labels.ts';
import type { FeedbackCaseRow } from './take-step.ts';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula, so such a cell
 * gets a leading apostrophe, which they show as text.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** Returns the value safe to open in a spreadsheet program. */
export function neutralizeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Writes the summary of a draft's comments as CSV, with a byte-order mark so spreadsheet
 * programs read it as UTF-8. It lists the organisation a commenter named but not the person's
 * name or contacts, which stay on the case detail.
 */
export function draftCommentsCsv(rows: FeedbackCaseRow[]): string {
  const records = rows.map((row, index) => [
    String(index + 1),
    dateFormat.format(row.receivedAt),
    row.senderOrganisation ?? '',
    row.subject,
    row.body,
    publicStateLabels[row.status],
  ]);
  const header = [
    'STT',
    'Thời gian nhận',
    'Cơ quan, tổ chức',
    'Tiêu đề',
    'Nội dung góp ý',
    'Trạng thái',
  ];

  return `\uFEFF${stringify([header, ...records.map((record) => record.map(neutralizeFormula))], {
    record_delimiter: 'windows',
  })}`;
}
