import { formatIsoDate, weekdayOf } from './dates.ts';
import type { ScheduleDay } from './work-schedule.ts';

/**
 * One schedule's week, a day per block. A list reads better than a wide table on a phone, and
 * each entry keeps its labels, so a screen reader needs no column headers.
 */
export function ScheduleDays(props: { days: ScheduleDay[]; headingLevel: 2 | 3 }) {
  return (
    <div class="schedule">
      {props.days.map((day) => {
        const label = `${weekdayOf(day.date)}, ${formatIsoDate(day.date)}`;
        return (
          <section class="schedule-day">
            {props.headingLevel === 2 ? <h2>{label}</h2> : <h3>{label}</h3>}
            {day.entries.length === 0 ? (
              <p class="meta">Không có lịch công tác.</p>
            ) : (
              <ul>
                {day.entries.map((entry) => (
                  <li>
                    <p>
                      <strong>
                        <time datetime={`${day.date}T${entry.time}`}>{entry.time}</time>
                      </strong>{' '}
                      {entry.content}
                    </p>
                    {entry.host ? <p class="meta">Chủ trì: {entry.host}</p> : null}
                    {entry.location ? <p class="meta">Địa điểm: {entry.location}</p> : null}
                    {entry.participants ? (
                      <p class="meta">Thành phần: {entry.participants}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
