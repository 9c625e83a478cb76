import { MissingHolidayYearError, type WorkingCalendar } from '../workflow/calendar.ts';
import { isOpenState } from './case-labels.ts';
import type { FeedbackCaseRow } from './take-step.ts';

/**
 * The answer deadline of an open case in working days: how many remain, counted from the day
 * after today up to the due day, or, once it has passed, how many have passed since the due
 * day. Both are null for a closed case, a case without a deadline, and dates the holiday
 * calendar does not cover.
 */
export type AnswerClock = {
  answerWorkingDaysLeft: number | null;
  answerWorkingDaysOverdue: number | null;
};

const noClock: AnswerClock = { answerWorkingDaysLeft: null, answerWorkingDaysOverdue: null };

/** Returns the answer clock of a case at `now`, or no clock when there is no calendar. */
export function readAnswerClock(
  row: Pick<FeedbackCaseRow, 'status' | 'dueAt'>,
  calendar: WorkingCalendar | undefined,
  now: Date,
): AnswerClock {
  if (!calendar || !row.dueAt || !isOpenState(row.status)) {
    return noClock;
  }
  try {
    return row.dueAt < now
      ? {
          answerWorkingDaysLeft: null,
          answerWorkingDaysOverdue: calendar.workingDaysBetween(row.dueAt, now),
        }
      : {
          answerWorkingDaysLeft: calendar.workingDaysBetween(now, row.dueAt),
          answerWorkingDaysOverdue: null,
        };
  } catch (error) {
    if (error instanceof MissingHolidayYearError) {
      return noClock;
    }
    throw error;
  }
}
