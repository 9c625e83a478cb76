import { Temporal } from '@js-temporal/polyfill';

import { calendarTimeZone } from '../workflow/calendar.ts';

/** Returns the instant a local day (`YYYY-MM-DD`) starts in Vietnam. */
export function startOfLocalDay(date: string): Date {
  const day = Temporal.PlainDate.from(date);

  return new Date(day.toZonedDateTime({ timeZone: calendarTimeZone }).epochMilliseconds);
}

/** Returns the instant the local day after `date` starts, which ends `date` exclusively. */
export function endOfLocalDay(date: string): Date {
  return startOfLocalDay(Temporal.PlainDate.from(date).add({ days: 1 }).toString());
}

/**
 * Returns the instants that bound the local days `from` to `to`, both included: the start of
 * `from`, and the end of `to`, exclusive.
 */
export function localDayRange(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(from), end: endOfLocalDay(to) };
}
