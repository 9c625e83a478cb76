import type { DossierState } from '../db/schema/index.ts';

/**
 * Dossiers of one service that share a month of receipt, a month of finishing and a status:
 * the only shape in which statistics read dossiers, so no dossier is ever loaded whole.
 */
export type DossierTally = {
  serviceId: string;
  /** `YYYY-MM` of the day the dossier was received. */
  receivedMonth: string;
  /** `YYYY-MM` of the finish time in Vietnam's time zone; null while the dossier is open. */
  finishedMonth: string | null;
  status: DossierState;
  count: number;
};

/** The published figures of a period: one month, or the months of a year together. */
export type Figures = {
  received: number;
  /** Dossiers received by the end of the period and not finished by then. */
  inProcessing: number;
  finishedOnTime: number;
  finishedLate: number;
  rejectedOrReturned: number;
};

export type MonthFigures = Figures & { month: string };

export function emptyFigures(): Figures {
  return {
    received: 0,
    inProcessing: 0,
    finishedOnTime: 0,
    finishedLate: 0,
    rejectedOrReturned: 0,
  };
}

/**
 * Computes the figures of the period from `firstMonth` to `lastMonth` (both `YYYY-MM`, which
 * compare correctly as strings): what was received and finished within it, and what was still
 * open at its end.
 */
export function figuresOf(
  tallies: readonly DossierTally[],
  firstMonth: string,
  lastMonth: string,
): Figures {
  const figures = emptyFigures();
  for (const tally of tallies) {
    const isReceivedInPeriod =
      tally.receivedMonth >= firstMonth && tally.receivedMonth <= lastMonth;
    if (isReceivedInPeriod) {
      figures.received += tally.count;
    }
    const isFinishedInPeriod =
      tally.finishedMonth !== null &&
      tally.finishedMonth >= firstMonth &&
      tally.finishedMonth <= lastMonth;
    if (isFinishedInPeriod && tally.status === 'done_on_time') {
      figures.finishedOnTime += tally.count;
    } else if (isFinishedInPeriod && tally.status === 'done_late') {
      figures.finishedLate += tally.count;
    } else if (isFinishedInPeriod) {
      figures.rejectedOrReturned += tally.count;
    }
    const isOpenAtEnd =
      tally.receivedMonth <= lastMonth &&
      (tally.finishedMonth === null || tally.finishedMonth > lastMonth);
    if (isOpenAtEnd) {
      figures.inProcessing += tally.count;
    }
  }

  return figures;
}

/** Computes the figures of each month in `months`. */
export function monthlyFigures(
  tallies: readonly DossierTally[],
  months: readonly string[],
): MonthFigures[] {
  return months.map((month) => ({ month, ...figuresOf(tallies, month, month) }));
}

/** Adds figures of several units or services; `inProcessing` adds up like the others. */
export function sumFigures(list: readonly Figures[]): Figures {
  const total = emptyFigures();
  for (const figures of list) {
    total.received += figures.received;
    total.inProcessing += figures.inProcessing;
    total.finishedOnTime += figures.finishedOnTime;
    total.finishedLate += figures.finishedLate;
    total.rejectedOrReturned += figures.rejectedOrReturned;
  }

  return total;
}

/** Returns the share finished on time among those done, in percent; null when none is done. */
export function onTimeRate(figures: Figures): number | null {
  const done = figures.finishedOnTime + figures.finishedLate;

  return done === 0 ? null : Math.round((figures.finishedOnTime / done) * 1000) / 10;
}

/**
 * Lists the months of `year` as `YYYY-MM`, up to the month of `today` (a `YYYY-MM-DD` local
 * date) when the year is the current one, since later months have no figures yet. Returns
 * an empty list for a year that has not begun.
 */
export function monthsOfYear(year: number, today: string): string[] {
  const currentYear = Number(today.slice(0, 4));
  const lastMonth = year === currentYear ? Number(today.slice(5, 7)) : year < currentYear ? 12 : 0;

  return Array.from(
    { length: lastMonth },
    (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`,
  );
}

/** Returns the month before a `YYYY-MM` month. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));

  return monthNumber === 1
    ? `${year - 1}-12`
    : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}
