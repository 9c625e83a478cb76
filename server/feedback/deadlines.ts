import { Temporal } from '@js-temporal/polyfill';

import type { Tx } from '../db/types.ts';
import { feedbackDeadlines } from '../policies/index.ts';
import {
  calendarTimeZone,
  MissingHolidayYearError,
  type WorkingCalendar,
} from '../workflow/calendar.ts';

/** The handling deadlines of one portal's feedback cases. */
export type FeedbackDeadlines = {
  /** Calendar days from receipt within which the answer must be published. */
  answerWithinDays: number;
  /** Working days between two public progress notes while a case is open. */
  progressEveryWorkingDays: number;
};

/** How long before each deadline the reminder job runs, in calendar days. */
export const reminderLeadDays = { answer: 3, progress: 1 } as const;

/**
 * Returns the deadlines in force for a portal, from its board policies (answer within 20 days
 * and a progress note every 7 working days unless the board or the portal set others). Runs in
 * that portal's tenant scope, since its overrides are only readable there.
 */
export async function loadFeedbackDeadlines(tx: Tx, tenantId: string): Promise<FeedbackDeadlines> {
  const deadlines = await feedbackDeadlines(tx, tenantId);

  return {
    answerWithinDays: deadlines.answerDays,
    progressEveryWorkingDays: deadlines.progressNoteWorkingDays,
  };
}

function startOfLocalDay(date: Temporal.PlainDate): Date {
  return new Date(date.toZonedDateTime({ timeZone: calendarTimeZone }).epochMilliseconds);
}

/**
 * Returns when the answer is due: the end of office hours on the `days`-th calendar day after
 * the local day of receipt, moved to the end of the next working day when that day is a
 * weekend or holiday. The rule counts calendar days ("answered within 20 days"), and a period
 * that ends on a day off ends on the next working day, as in the Civil Code. Returns null when
 * the holiday calendar does not cover the dates.
 */
export function computeAnswerDueAt(
  calendar: WorkingCalendar,
  receivedAt: Date,
  days: number,
): Date | null {
  const lastDay = Temporal.Instant.fromEpochMilliseconds(receivedAt.getTime())
    .toZonedDateTimeISO(calendarTimeZone)
    .toPlainDate()
    .add({ days });
  try {
    return calendar.addWorkingDays(startOfLocalDay(lastDay), 0);
  } catch (error) {
    if (error instanceof MissingHolidayYearError) {
      return null;
    }
    throw error;
  }
}

/**
 * Returns when the next public progress note is due: `workingDays` working days after `from`
 * (receipt or the last note), or null when the holiday calendar does not cover the dates.
 */
export function computeProgressDueAt(
  calendar: WorkingCalendar,
  from: Date,
  workingDays: number,
): Date | null {
  try {
    return calendar.addWorkingDays(from, workingDays);
  } catch (error) {
    if (error instanceof MissingHolidayYearError) {
      return null;
    }
    throw error;
  }
}
