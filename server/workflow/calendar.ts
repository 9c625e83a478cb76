import { Temporal } from '@js-temporal/polyfill';

import { loadTenantFolder, type TenantFolder } from '../tenancy/tenant-folder.ts';
import type { HolidayFile } from '../tenancy/tenant-file-schema.ts';
import {
  civilServiceHours,
  parseWorkingPeriods,
  type ParsedPeriod,
  type WorkingPeriod,
} from './working-hours.ts';

/**
 * The time zone of every calendar computation. Vietnam has one zone and no daylight saving
 * time, but the offset comes from the IANA database rather than a constant.
 */
export const calendarTimeZone = 'Asia/Ho_Chi_Minh';

export type WorkingCalendarOptions = {
  /** The working periods of every working day in local time, civil-service hours by default. */
  workingPeriods?: readonly WorkingPeriod[];
};

/** An inconsistency in the holiday files: a year given twice, a date outside its year, a clash. */
export class HolidayCalendarError extends Error {
  override name = 'HolidayCalendarError';
}

/**
 * A computation reached a year that has no holiday file. Treating such a year as having no
 * holidays would count Tết as working days, so the calendar stops instead.
 */
export class MissingHolidayYearError extends HolidayCalendarError {
  override name = 'MissingHolidayYearError';
  readonly year: number;

  constructor(year: number) {
    super(
      `No holiday calendar for ${year}: add tenants/holidays/${year}.yaml with that year's ` +
        'public holidays and swapped working weekends.',
    );
    this.year = year;
  }
}

const millisecondsPerHour = 3_600_000;

function toLocalDate(instant: Date): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(calendarTimeZone)
    .toPlainDate();
}

function toEpochMilliseconds(date: Temporal.PlainDate, time: Temporal.PlainTime): number {
  return date.toZonedDateTime({ timeZone: calendarTimeZone, plainTime: time }).epochMilliseconds;
}

function isWeekend(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek === 6 || date.dayOfWeek === 7;
}

function checkNonNegative(value: number, name: string, mustBeInteger: boolean): void {
  const isValid =
    Number.isFinite(value) && value >= 0 && (!mustBeInteger || Number.isInteger(value));
  if (!isValid) {
    const expected = mustBeInteger ? 'a whole number' : 'a number';
    throw new RangeError(`Invalid ${name} ${value}: expected ${expected} of zero or more.`);
  }
}

/**
 * Working days and hours in Vietnam, from the yearly holiday files. Saturdays and Sundays are
 * days off unless a file lists them as swapped working weekends, and listed holidays are days
 * off. Instants go in and out as `Date`, and days and hours are those of Asia/Ho_Chi_Minh.
 */
export class WorkingCalendar {
  /** The years that have a holiday file, in order. */
  readonly years: readonly number[];
  readonly #holidays = new Set<string>();
  readonly #workingWeekends = new Set<string>();
  readonly #periods: ParsedPeriod[];

  constructor(files: readonly HolidayFile[], options: WorkingCalendarOptions = {}) {
    this.#periods = parseWorkingPeriods(options.workingPeriods ?? civilServiceHours);
    const years = new Set<number>();
    for (const file of files) {
      if (years.has(file.year)) {
        throw new HolidayCalendarError(`Two holiday files are given for ${file.year}.`);
      }
      years.add(file.year);
      this.#addYear(file);
    }
    this.years = [...years].sort((a, b) => a - b);
  }

  /** Builds the calendar from the `holidays` section of a loaded tenants folder. */
  static fromTenantFolder(
    holidays: TenantFolder['holidays'],
    options: WorkingCalendarOptions = {},
  ): WorkingCalendar {
    return new WorkingCalendar(
      holidays.map(({ calendar }) => calendar),
      options,
    );
  }

  #addYear(file: HolidayFile): void {
    for (const { date } of file.holidays) {
      this.#checkInYear(date, file.year);
      this.#holidays.add(date);
    }
    for (const { date } of file.workingWeekends) {
      this.#checkInYear(date, file.year);
      if (!isWeekend(Temporal.PlainDate.from(date))) {
        throw new HolidayCalendarError(
          `Working weekend ${date} in the ${file.year} holiday file is not a Saturday or Sunday.`,
        );
      }
      if (this.#holidays.has(date)) {
        throw new HolidayCalendarError(
          `${date} is listed both as a holiday and as a working weekend in the ${file.year} file.`,
        );
      }
      this.#workingWeekends.add(date);
    }
  }

  #checkInYear(date: string, year: number): void {
    if (Temporal.PlainDate.from(date).year !== year) {
      throw new HolidayCalendarError(`${date} is listed in the holiday file for ${year}.`);
    }
  }

  #isWorkingDate(date: Temporal.PlainDate): boolean {
    if (!this.years.includes(date.year)) {
      throw new MissingHolidayYearError(date.year);
    }
    const key = date.toString();
    if (this.#holidays.has(key)) {
      return false;
    }

    return !isWeekend(date) || this.#workingWeekends.has(key);
  }

  #nextWorkingDate(date: Temporal.PlainDate): Temporal.PlainDate {
    let next = date.add({ days: 1 });
    while (!this.#isWorkingDate(next)) {
      next = next.add({ days: 1 });
    }

    return next;
  }

  #endOfWorkingDay(date: Temporal.PlainDate): number {
    return toEpochMilliseconds(date, this.#periods[this.#periods.length - 1]!.end);
  }

  /** Returns true when the local day that contains `instant` is a working day. */
  isWorkingDay(instant: Date): boolean {
    return this.#isWorkingDate(toLocalDate(instant));
  }

  /**
   * Returns the deadline "`days` working days from `start`": the end of the last working period
   * (17:00 by default) of the `days`-th working day after the local day of `start`.
   *
   * The day of `start` itself is never counted, as in the Civil Code's rule that a period in
   * days starts on the day after the event. So neither the time of day nor whether that day is
   * a working day matters. In an ordinary week, a document signed at 09:00 on Friday, at 20:00
   * on Friday or on Saturday has the same 2-working-day deadline: Tuesday 17:00.
   *
   * `days = 0` means "the same working day": the end of the local day of `start` when that is a
   * working day and `start` is not past its end, otherwise the end of the next working day.
   */
  addWorkingDays(start: Date, days: number): Date {
    checkNonNegative(days, 'number of working days', true);
    let date = toLocalDate(start);
    if (days === 0) {
      const isSameDay = this.#isWorkingDate(date) && start.getTime() <= this.#endOfWorkingDay(date);
      return new Date(this.#endOfWorkingDay(isSameDay ? date : this.#nextWorkingDate(date)));
    }

    for (let counted = 0; counted < days; counted++) {
      date = this.#nextWorkingDate(date);
    }

    return new Date(this.#endOfWorkingDay(date));
  }

  /**
   * Returns the instant `hours` working hours after `start`, counting only time inside working
   * periods of working days. Counting begins at the first working moment at or after `start`,
   * so a start at lunch, after hours or on a day off begins at the next period's start. A
   * result that lands exactly on a period's end stays there (17:00, not 08:00 the next day).
   */
  addWorkingHours(start: Date, hours: number): Date {
    checkNonNegative(hours, 'number of working hours', false);
    let remaining = Math.round(hours * millisecondsPerHour);
    let cursor = start.getTime();
    let date = toLocalDate(start);
    for (;;) {
      if (this.#isWorkingDate(date)) {
        for (const period of this.#periods) {
          const periodEnd = toEpochMilliseconds(date, period.end);
          if (cursor >= periodEnd) {
            continue;
          }
          const from = Math.max(cursor, toEpochMilliseconds(date, period.start));
          if (remaining <= periodEnd - from) {
            return new Date(from + remaining);
          }
          remaining -= periodEnd - from;
          cursor = periodEnd;
        }
      }
      date = date.add({ days: 1 });
    }
  }

  /**
   * Counts the working days after the local day of `from` up to and including the local day of
   * `to`, negated when `to` is on an earlier day. It inverts `addWorkingDays`:
   * `workingDaysBetween(x, addWorkingDays(x, n)) === n` for every `n >= 1`.
   */
  workingDaysBetween(from: Date, to: Date): number {
    const first = toLocalDate(from);
    const last = toLocalDate(to);
    if (Temporal.PlainDate.compare(first, last) > 0) {
      return -this.workingDaysBetween(to, from);
    }

    let count = 0;
    let date = first.add({ days: 1 });
    while (Temporal.PlainDate.compare(date, last) <= 0) {
      if (this.#isWorkingDate(date)) {
        count++;
      }
      date = date.add({ days: 1 });
    }

    return count;
  }
}

/** Reads the holiday files of a tenants folder (the repository's by default) into a calendar. */
export async function loadWorkingCalendar(
  root?: string,
  options: WorkingCalendarOptions = {},
): Promise<WorkingCalendar> {
  const folder = await loadTenantFolder(root);

  return WorkingCalendar.fromTenantFolder(folder.holidays, options);
}
