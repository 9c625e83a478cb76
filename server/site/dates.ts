import { Temporal } from '@js-temporal/polyfill';

/** Public pages show dates and weeks in Vietnam's time zone, whatever the server's is. */
export const siteTimeZone = 'Asia/Ho_Chi_Minh';

const displayDate = new Intl.DateTimeFormat('vi-VN', {
  timeZone: siteTimeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const displayDateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: siteTimeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const weekdayNames = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

/** Formats an instant as a Vietnamese calendar date (`02/03/2026`) in Vietnam's time zone. */
export function formatDate(value: Date): string {
  return displayDate.format(value);
}

/** Formats an instant as date and time (`02/03/2026, 09:00`) in Vietnam's time zone. */
export function formatDateTime(value: Date): string {
  return displayDateTime.format(value);
}

/** Formats an ISO calendar date (`2026-03-02`) as `02/03/2026`, without any time zone shift. */
export function formatIsoDate(isoDate: string): string {
  const date = Temporal.PlainDate.from(isoDate);
  const day = String(date.day).padStart(2, '0');
  const month = String(date.month).padStart(2, '0');

  return `${day}/${month}/${date.year}`;
}

/** Returns the weekday name of an ISO calendar date, e.g. `Thứ Hai`. */
export function weekdayOf(isoDate: string): string {
  return weekdayNames[Temporal.PlainDate.from(isoDate).dayOfWeek - 1]!;
}

/** Returns today's date in Vietnam as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(siteTimeZone)
    .toPlainDate()
    .toString();
}

/** Adds a number of days (negative to go back) to an ISO calendar date. */
export function addDays(isoDate: string, days: number): string {
  return Temporal.PlainDate.from(isoDate).add({ days }).toString();
}

/** Goes back a number of years from an ISO calendar date; 29 February becomes 28 February. */
export function subtractYears(isoDate: string, years: number): string {
  return Temporal.PlainDate.from(isoDate).subtract({ years }).toString();
}

/** Returns the Monday of the week that contains an ISO calendar date. */
export function mondayOf(isoDate: string): string {
  const date = Temporal.PlainDate.from(isoDate);

  return date.subtract({ days: date.dayOfWeek - 1 }).toString();
}

/** Checks whether a string is a real ISO calendar date that falls on a Monday. */
export function isMonday(isoDate: string): boolean {
  try {
    return Temporal.PlainDate.from(isoDate, { overflow: 'reject' }).dayOfWeek === 1;
  } catch {
    return false;
  }
}
