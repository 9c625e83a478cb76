import { Temporal } from '@js-temporal/polyfill';

/** One stretch of working time in a working day, as local wall-clock times `HH:MM`. */
export type WorkingPeriod = { start: string; end: string };

/**
 * The usual civil-service office hours: 08:00–12:00 and 13:30–17:00, a lunch break between.
 * They are a default, not a rule: a unit with other hours passes its own periods.
 */
export const civilServiceHours: readonly WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

/** A working period with its bounds parsed. */
export type ParsedPeriod = { start: Temporal.PlainTime; end: Temporal.PlainTime };

/** The working periods are malformed, overlap or are out of order. */
export class WorkingHoursError extends Error {
  override name = 'WorkingHoursError';
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function parseTime(value: string, field: string): Temporal.PlainTime {
  if (!timePattern.test(value)) {
    throw new WorkingHoursError(
      `Invalid working period ${field} ${JSON.stringify(value)}: expected a time such as 08:00.`,
    );
  }

  return Temporal.PlainTime.from(value);
}

/**
 * Parses and checks working periods: at least one, each ending after it starts, in order of the
 * day and not overlapping, so that a day's last period ends the working day.
 */
export function parseWorkingPeriods(periods: readonly WorkingPeriod[]): ParsedPeriod[] {
  if (periods.length === 0) {
    throw new WorkingHoursError('Invalid working hours: at least one working period is required.');
  }

  const parsed = periods.map((period) => ({
    start: parseTime(period.start, 'start'),
    end: parseTime(period.end, 'end'),
  }));
  parsed.forEach((period, index) => {
    const source = periods[index]!;
    if (Temporal.PlainTime.compare(period.start, period.end) >= 0) {
      throw new WorkingHoursError(
        `Invalid working period ${source.start}–${source.end}: it must end after it starts.`,
      );
    }
    const previous = parsed[index - 1];
    if (previous && Temporal.PlainTime.compare(previous.end, period.start) > 0) {
      throw new WorkingHoursError(
        `Invalid working period ${source.start}–${source.end}: it starts before the previous ` +
          'period ends; list the periods in order without overlaps.',
      );
    }
  });

  return parsed;
}
