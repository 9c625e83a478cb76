import { beforeAll, describe, expect, it } from 'vitest';

import {
  HolidayCalendarError,
  loadWorkingCalendar,
  MissingHolidayYearError,
  WorkingCalendar,
} from '../../../server/workflow/calendar.ts';
import { WorkingHoursError } from '../../../server/workflow/working-hours.ts';
import type { HolidayFile } from '../../../server/tenancy/tenant-file-schema.ts';

/** Builds the instant of a Vietnamese wall-clock time, e.g. `vn('2026-02-12 10:00')`. */
function vn(localDateTime: string): Date {
  return new Date(`${localDateTime.replace(' ', 'T')}:00+07:00`);
}

function yearFile(year: number, overrides: Partial<HolidayFile> = {}): HolidayFile {
  return {
    year,
    holidays: [{ date: `${year}-01-01`, name: { vi: 'Tết Dương lịch' } }],
    workingWeekends: [],
    ...overrides,
  };
}

let calendar: WorkingCalendar;

beforeAll(async () => {
  calendar = await loadWorkingCalendar();
});

describe('WorkingCalendar.isWorkingDay', () => {
  it('treats Monday to Friday as working days', () => {
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']) {
      expect(calendar.isWorkingDay(vn(`${day} 10:00`)), day).toBe(true);
    }
  });

  it('treats Saturday and Sunday as days off', () => {
    expect(calendar.isWorkingDay(vn('2026-03-07 10:00'))).toBe(false);
    expect(calendar.isWorkingDay(vn('2026-03-08 10:00'))).toBe(false);
  });

  it('treats the Tết 2026 weekdays as days off', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(vn(`${day} 10:00`)), day).toBe(false);
    }
    expect(calendar.isWorkingDay(vn('2026-02-13 10:00'))).toBe(true);
    expect(calendar.isWorkingDay(vn('2026-02-23 10:00'))).toBe(true);
  });

  it('treats a swapped Saturday as a working day', () => {
    expect(calendar.isWorkingDay(vn('2026-01-10 10:00'))).toBe(true);
    expect(calendar.isWorkingDay(vn('2025-04-26 10:00'))).toBe(true);
    expect(calendar.isWorkingDay(vn('2026-01-17 10:00'))).toBe(false);
  });

  it('uses the Vietnamese day, not the UTC day', () => {
    // 00:30 on Saturday in Hanoi is still 17:30 on Friday in UTC.
    expect(calendar.isWorkingDay(vn('2026-03-07 00:30'))).toBe(false);
    // 06:00 on Monday in Hanoi is 23:00 on Sunday in UTC.
    expect(calendar.isWorkingDay(vn('2026-03-09 06:00'))).toBe(true);
    expect(calendar.isWorkingDay(vn('2026-03-06 23:30'))).toBe(true);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('skips the weekend', () => {
    expect(calendar.addWorkingDays(vn('2026-03-05 09:00'), 2)).toEqual(vn('2026-03-09 17:00'));
  });

  it('ends at 17:00 local whatever the start time', () => {
    expect(calendar.addWorkingDays(vn('2026-03-02 08:05'), 1)).toEqual(vn('2026-03-03 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02 16:59'), 1)).toEqual(vn('2026-03-03 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02 21:00'), 1)).toEqual(vn('2026-03-03 17:00'));
  });

  it('crosses the Tết 2026 break', () => {
    // Thursday 12/2 + 2: Friday 13/2 is the first, then 14/2 to 22/2 are off.
    expect(calendar.addWorkingDays(vn('2026-02-12 10:00'), 2)).toEqual(vn('2026-02-23 17:00'));
    expect(calendar.addWorkingDays(vn('2026-02-13 10:00'), 1)).toEqual(vn('2026-02-23 17:00'));
    expect(calendar.addWorkingDays(vn('2026-02-13 10:00'), 3)).toEqual(vn('2026-02-25 17:00'));
  });

  it('crosses the 30/4 and 1/5 holidays', () => {
    // Thursday 30/4 and Friday 1/5/2026 are off, so Wednesday 29/4 + 1 is Monday 4/5.
    expect(calendar.addWorkingDays(vn('2026-04-29 09:00'), 1)).toEqual(vn('2026-05-04 17:00'));
    // Monday 27/4 is the day in lieu for Giỗ Tổ on Sunday 26/4.
    expect(calendar.addWorkingDays(vn('2026-04-24 09:00'), 2)).toEqual(vn('2026-04-29 17:00'));
  });

  it('counts a swapped Saturday', () => {
    expect(calendar.addWorkingDays(vn('2026-01-09 09:00'), 1)).toEqual(vn('2026-01-10 17:00'));
    expect(calendar.addWorkingDays(vn('2026-01-16 09:00'), 1)).toEqual(vn('2026-01-19 17:00'));
  });

  it('starts counting after a holiday start', () => {
    // 1/1 and 2/1/2026 are off and 3/1 and 4/1 are the weekend.
    expect(calendar.addWorkingDays(vn('2026-01-01 10:00'), 1)).toEqual(vn('2026-01-05 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-07 10:00'), 2)).toEqual(vn('2026-03-10 17:00'));
  });

  it('uses the local day at midnight boundaries', () => {
    // Friday 23:30 in Hanoi: the next working day is Monday, not Saturday.
    expect(calendar.addWorkingDays(vn('2026-03-06 23:30'), 1)).toEqual(vn('2026-03-09 17:00'));
    // Monday 00:30 in Hanoi is Sunday in UTC, but the count starts after Monday.
    expect(calendar.addWorkingDays(vn('2026-03-09 00:30'), 1)).toEqual(vn('2026-03-10 17:00'));
  });

  it('returns the same working day for zero days', () => {
    expect(calendar.addWorkingDays(vn('2026-03-02 10:00'), 0)).toEqual(vn('2026-03-02 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02 17:00'), 0)).toEqual(vn('2026-03-02 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02 18:00'), 0)).toEqual(vn('2026-03-03 17:00'));
    expect(calendar.addWorkingDays(vn('2026-03-07 10:00'), 0)).toEqual(vn('2026-03-09 17:00'));
  });

  it('rejects negative and fractional days', () => {
    expect(() => calendar.addWorkingDays(vn('2026-03-02 10:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(vn('2026-03-02 10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addWorkingHours', () => {
  it('stays inside one period', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 08:30'), 2)).toEqual(vn('2026-03-02 10:30'));
  });

  it('skips the lunch break', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 11:00'), 2)).toEqual(vn('2026-03-02 14:30'));
  });

  it('ends exactly at the end of a period', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 08:00'), 4)).toEqual(vn('2026-03-02 12:00'));
    expect(calendar.addWorkingHours(vn('2026-03-02 13:30'), 3.5)).toEqual(vn('2026-03-02 17:00'));
  });

  it('carries over the end of the day', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 16:00'), 2)).toEqual(vn('2026-03-03 09:00'));
  });

  it('carries over the weekend', () => {
    expect(calendar.addWorkingHours(vn('2026-03-06 16:00'), 4)).toEqual(vn('2026-03-09 11:00'));
  });

  it('works on a swapped Saturday', () => {
    expect(calendar.addWorkingHours(vn('2026-01-09 16:00'), 4)).toEqual(vn('2026-01-10 11:00'));
  });

  it('starts at the next period outside working hours', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 12:30'), 1)).toEqual(vn('2026-03-02 14:30'));
    expect(calendar.addWorkingHours(vn('2026-03-02 06:00'), 1)).toEqual(vn('2026-03-02 09:00'));
    expect(calendar.addWorkingHours(vn('2026-03-02 19:00'), 1)).toEqual(vn('2026-03-03 09:00'));
    expect(calendar.addWorkingHours(vn('2026-03-02 20:00'), 0)).toEqual(vn('2026-03-03 08:00'));
  });

  it('starts after a holiday', () => {
    expect(calendar.addWorkingHours(vn('2026-01-01 10:00'), 1)).toEqual(vn('2026-01-05 09:00'));
  });

  it('crosses the Tết 2026 break', () => {
    // Four working hours of news from 15:00 on Friday 13/2: two that day, two after Tết.
    expect(calendar.addWorkingHours(vn('2026-02-13 15:00'), 4)).toEqual(vn('2026-02-23 10:00'));
  });

  it('uses the local day at midnight boundaries', () => {
    expect(calendar.addWorkingHours(vn('2026-03-06 23:30'), 1)).toEqual(vn('2026-03-09 09:00'));
    expect(calendar.addWorkingHours(vn('2026-03-09 00:30'), 1)).toEqual(vn('2026-03-09 09:00'));
  });

  it('counts fractions of an hour', () => {
    expect(calendar.addWorkingHours(vn('2026-03-02 11:45'), 0.5)).toEqual(vn('2026-03-02 13:45'));
  });

  it('rejects negative hours', () => {
    expect(() => calendar.addWorkingHours(vn('2026-03-02 10:00'), -1)).toThrow(RangeError);
  });

  it('follows custom working periods', () => {
    const files = [yearFile(2026)];
    const custom = new WorkingCalendar(files, {
      workingPeriods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '16:30' },
      ],
    });

    expect(custom.addWorkingHours(vn('2026-03-02 11:00'), 1)).toEqual(vn('2026-03-02 13:30'));
    expect(custom.addWorkingDays(vn('2026-03-02 11:00'), 1)).toEqual(vn('2026-03-03 16:30'));
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('counts the days after the first up to the last', () => {
    expect(calendar.workingDaysBetween(vn('2026-03-02 10:00'), vn('2026-03-06 10:00'))).toBe(4);
    expect(calendar.workingDaysBetween(vn('2026-03-02 10:00'), vn('2026-03-02 16:00'))).toBe(0);
  });

  it('skips weekends and Tết', () => {
    expect(calendar.workingDaysBetween(vn('2026-02-12 10:00'), vn('2026-02-24 10:00'))).toBe(3);
  });

  it('is negative when the end comes first', () => {
    expect(calendar.workingDaysBetween(vn('2026-03-06 10:00'), vn('2026-03-02 10:00'))).toBe(-4);
  });

  it('inverts addWorkingDays', () => {
    const start = vn('2026-02-11 21:00');
    for (const days of [1, 2, 3, 5, 10, 30]) {
      const deadline = calendar.addWorkingDays(start, days);
      expect(calendar.workingDaysBetween(start, deadline), `${days} days`).toBe(days);
    }
  });
});

describe('WorkingCalendar holiday files', () => {
  it('throws for a year without a holiday file', () => {
    expect(() => calendar.isWorkingDay(vn('2028-03-01 10:00'))).toThrow(MissingHolidayYearError);
    expect(() => calendar.isWorkingDay(vn('2028-03-01 10:00'))).toThrow(/2028/);
  });

  it('throws when a deadline runs into a missing year', () => {
    const attempt = () => calendar.addWorkingDays(vn('2027-12-30 10:00'), 5);

    expect(attempt).toThrow(MissingHolidayYearError);
    expect(attempt).toThrow('No holiday calendar for 2028');
  });

  it('names the missing year on the error', () => {
    try {
      calendar.addWorkingHours(vn('2024-12-31 10:00'), 1);
      expect.unreachable('addWorkingHours should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(MissingHolidayYearError);
      expect((error as MissingHolidayYearError).year).toBe(2024);
    }
  });

  it('lists the years it covers', () => {
    expect(calendar.years).toEqual([2025, 2026, 2027]);
  });

  it('rejects two files for one year', () => {
    expect(() => new WorkingCalendar([yearFile(2026), yearFile(2026)])).toThrow(
      HolidayCalendarError,
    );
  });

  it('rejects a date outside its file year', () => {
    const file = yearFile(2026, {
      holidays: [{ date: '2027-01-01', name: { vi: 'Tết Dương lịch' } }],
    });

    expect(() => new WorkingCalendar([file])).toThrow(/2027-01-01/);
  });

  it('rejects a working weekend on a weekday', () => {
    const file = yearFile(2026, {
      workingWeekends: [{ date: '2026-01-09', reason: { vi: 'Làm bù' } }],
    });

    expect(() => new WorkingCalendar([file])).toThrow(/not a Saturday or Sunday/);
  });

  it('rejects a holiday listed as working', () => {
    const file = yearFile(2026, {
      holidays: [{ date: '2026-01-10', name: { vi: 'Nghỉ' } }],
      workingWeekends: [{ date: '2026-01-10', reason: { vi: 'Làm bù' } }],
    });

    expect(() => new WorkingCalendar([file])).toThrow(/both as a holiday/);
  });
});

describe('WorkingCalendar working periods', () => {
  it('rejects an empty list', () => {
    expect(() => new WorkingCalendar([yearFile(2026)], { workingPeriods: [] })).toThrow(
      WorkingHoursError,
    );
  });

  it('rejects a malformed time', () => {
    const workingPeriods = [{ start: '8:00', end: '12:00' }];

    expect(() => new WorkingCalendar([yearFile(2026)], { workingPeriods })).toThrow(/"8:00"/);
  });

  it('rejects a period that ends before it starts', () => {
    const workingPeriods = [{ start: '12:00', end: '08:00' }];

    expect(() => new WorkingCalendar([yearFile(2026)], { workingPeriods })).toThrow(
      /must end after it starts/,
    );
  });

  it('rejects overlapping periods', () => {
    const workingPeriods = [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '17:00' },
    ];

    expect(() => new WorkingCalendar([yearFile(2026)], { workingPeriods })).toThrow(
      /without overlaps/,
    );
  });
});
