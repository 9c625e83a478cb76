import { Temporal } from '@js-temporal/polyfill';

import { calendarTimeZone } from '../workflow/calendar.ts';

/** Returns the local date in Vietnam of an instant, as `YYYY-MM-DD`. */
export function localDateOf(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(calendarTimeZone)
    .toPlainDate()
    .toString();
}

/** Returns the instant a `YYYY-MM` month begins in Vietnam. */
export function monthStartOf(month: string): Date {
  const start = Temporal.PlainDate.from(`${month}-01`).toZonedDateTime({
    timeZone: calendarTimeZone,
  });

  return new Date(start.epochMilliseconds);
}

/** Returns the last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  const first = Temporal.PlainDate.from(`${month}-01`);

  return first.with({ day: first.daysInMonth }).toString();
}
