import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';

import { isLive, revisionField, selectPublishedSummaries } from '../content/public-queries.ts';
import { contentItems, contentRevisions } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { addDays, isMonday } from './dates.ts';

/** `?tuan=` names a week by its Monday; an empty or missing value means the current week. */
export const WeekQuerySchema = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là một ngày dạng YYYY-MM-DD')
      .refine(isMonday, 'phải là ngày thứ Hai của tuần')
      .optional(),
  );

const ScheduleEntrySchema = z.object({
  date: z.iso.date(),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  content: z.string().min(1),
  host: z.string().optional(),
  location: z.string().optional(),
  participants: z.string().optional(),
});

export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;

/** One day of a week's schedule, with its entries in time order. */
export type ScheduleDay = { date: string; entries: ScheduleEntry[] };

/** One published schedule of the week, e.g. the leadership's. */
export type WeekSchedule = {
  id: string;
  titleVi: string;
  leadVi: string | null;
  days: ScheduleDay[];
};

/**
 * Groups a schedule's entries by day, Monday to Sunday, and drops entries outside the week or
 * that no longer fit the schedule schema, so one bad entry does not hide the others.
 */
export function groupByDay(weekStart: string, rawEntries: unknown): ScheduleDay[] {
  const entries = (Array.isArray(rawEntries) ? rawEntries : [])
    .map((entry) => ScheduleEntrySchema.safeParse(entry))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const days: ScheduleDay[] = [];
  for (let offset = 0; offset < 7; offset += 1) {
    const date = addDays(weekStart, offset);
    const ofDay = entries
      .filter((entry) => entry.date === date)
      .sort((a, b) => a.time.localeCompare(b.time));
    days.push({ date, entries: ofDay });
  }

  return days;
}

/** Loads the published schedules of the week that starts on `weekStart` (a Monday). */
export async function loadWeekSchedules(
  tx: Tx,
  tenantId: string,
  weekStart: string,
): Promise<WeekSchedule[]> {
  const rows = await selectPublishedSummaries(tx)
    .where(
      and(
        isLive(tenantId),
        eq(contentItems.type, 'work_schedule'),
        eq(revisionField('weekStart'), weekStart),
      ),
    )
    .orderBy(asc(contentRevisions.titleVi), asc(contentItems.id));

  return rows.map((row) => ({
    id: row.id,
    titleVi: row.titleVi,
    leadVi: row.leadVi,
    days: groupByDay(weekStart, row.fields.entries),
  }));
}
