import type { DeadlineRule } from '../db/schema/index.ts';
import { MissingHolidayYearError, type WorkingCalendar } from './calendar.ts';

/**
 * Computes when an item is due from its category's rule: legal documents count from the date
 * they were signed, everything else from the moment it was submitted. Returns null when the
 * rule needs a signing date the item does not have, or when the holiday calendar does not
 * cover the dates (a deadline across an unknown Tết would be wrong, so none is set).
 */
export function computeDueAt(
  calendar: WorkingCalendar,
  rule: DeadlineRule | null | undefined,
  context: { submittedAt: Date; issuedOn?: string | undefined },
): Date | null {
  if (!rule) {
    return null;
  }
  const start =
    rule.from === 'signing'
      ? context.issuedOn
        ? new Date(`${context.issuedOn}T00:00:00+07:00`)
        : null
      : context.submittedAt;
  if (!start) {
    return null;
  }

  try {
    return rule.unit === 'working_days'
      ? calendar.addWorkingDays(start, rule.amount)
      : calendar.addWorkingHours(start, rule.amount);
  } catch (error) {
    if (error instanceof MissingHolidayYearError) {
      return null;
    }
    throw error;
  }
}
