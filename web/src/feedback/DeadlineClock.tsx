import { Match, Show, Switch } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import type { CaseSummary } from './feedback-names.ts';

export type DeadlineClockProps = {
  summary: Pick<
    CaseSummary,
    | 'dueAt'
    | 'isAnswerOverdue'
    | 'isProgressOverdue'
    | 'answerWorkingDaysLeft'
    | 'answerWorkingDaysOverdue'
    | 'status'
  >;
};

const closedStates = new Set(['published', 'rejected', 'merged']);

/**
 * The answer deadline in working days, as the server counts them: days left, or how long it is
 * overdue. An overdue deadline says so in words as well as in colour.
 */
export function DeadlineClock(props: DeadlineClockProps) {
  const { i18n } = useApp();
  const overdueDays = () => props.summary.answerWorkingDaysOverdue;
  const daysLeft = () => props.summary.answerWorkingDaysLeft;

  return (
    <span class="deadline">
      <Switch fallback={<span class="deadline__text">{i18n.t('feedback.clock.none')}</span>}>
        <Match when={closedStates.has(props.summary.status)}>
          <span class="deadline__text">{i18n.t('feedback.clock.closed')}</span>
        </Match>
        <Match when={props.summary.isAnswerOverdue}>
          <span class="deadline__text deadline__text--overdue">
            {overdueDays()
              ? i18n.t('feedback.clock.overdueBy', { count: overdueDays()! })
              : i18n.t('feedback.clock.overdue')}
          </span>
        </Match>
        <Match when={daysLeft() !== null}>
          <span
            class="deadline__text"
            classList={{ 'deadline__text--soon': (daysLeft() ?? 0) <= 3 }}
          >
            {daysLeft() === 0
              ? i18n.t('feedback.clock.dueToday')
              : i18n.t('feedback.clock.left', { count: daysLeft()! })}
          </span>
        </Match>
        <Match when={props.summary.dueAt}>
          <span class="deadline__text">{i18n.t('feedback.clock.noCalendar')}</span>
        </Match>
      </Switch>
      <Show when={props.summary.dueAt && !closedStates.has(props.summary.status)}>
        <span class="deadline__date">
          {i18n.t('feedback.clock.dueAt', { date: i18n.formatDateTime(props.summary.dueAt) })}
        </span>
      </Show>
      <Show when={props.summary.isProgressOverdue}>
        <span class="deadline__text deadline__text--overdue">
          {i18n.t('feedback.clock.progressOverdue')}
        </span>
      </Show>
    </span>
  );
}
