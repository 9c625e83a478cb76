import { Breadcrumbs, trailFrom } from './components.tsx';
import { addDays, formatIsoDate } from './dates.ts';
import { ScheduleDays } from './schedule-view.tsx';
import { sitePaths } from './urls.ts';
import type { WeekSchedule } from './work-schedule.ts';

/** Returns the heading of a week: `Lịch công tác tuần từ 02/03/2026 đến 08/03/2026`. */
export function weekTitle(weekStart: string): string {
  return `Lịch công tác tuần từ ${formatIsoDate(weekStart)} đến ${formatIsoDate(addDays(weekStart, 6))}`;
}

function WeekNavigation(props: { weekStart: string; currentWeek: string }) {
  return (
    <nav class="week-nav" aria-label="Chọn tuần">
      <a href={sitePaths.scheduleWeek(addDays(props.weekStart, -7))} rel="prev">
        ‹ Tuần trước
      </a>
      {props.weekStart === props.currentWeek ? null : (
        <a href={sitePaths.scheduleWeek(props.currentWeek)}>Tuần này</a>
      )}
      <a href={sitePaths.scheduleWeek(addDays(props.weekStart, 7))} rel="next">
        Tuần sau ›
      </a>
    </nav>
  );
}

/** The leadership's work schedule of one week, with links to the weeks around it. */
export function SchedulePage(props: {
  weekStart: string;
  currentWeek: string;
  schedules: WeekSchedule[];
}) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Lịch công tác' })} />
      <h1>{weekTitle(props.weekStart)}</h1>
      <WeekNavigation weekStart={props.weekStart} currentWeek={props.currentWeek} />
      {props.schedules.length === 0 ? (
        <p class="empty">Chưa có lịch công tác được đăng cho tuần này.</p>
      ) : (
        props.schedules.map((schedule) => (
          <section class="schedule-block" aria-label={schedule.titleVi}>
            <h2>{schedule.titleVi}</h2>
            {schedule.leadVi ? <p class="lead">{schedule.leadVi}</p> : null}
            <ScheduleDays days={schedule.days} headingLevel={3} />
          </section>
        ))
      )}
    </>
  );
}

/** The page for a `?tuan=` that names no Monday: the message and a link to this week. */
export function InvalidWeekPage(props: { value: string; currentWeek: string }) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Lịch công tác' })} />
      <h1>Tuần không hợp lệ</h1>
      <div class="error-summary" role="alert">
        <p>
          “{props.value.slice(0, 60)}” không phải là ngày thứ Hai của một tuần. Địa chỉ đúng có dạng
          ?tuan=YYYY-MM-DD, ví dụ ?tuan={props.currentWeek}.
        </p>
      </div>
      <p>
        <a href={sitePaths.scheduleWeek(props.currentWeek)}>Xem lịch công tác tuần này</a>
      </p>
    </>
  );
}
