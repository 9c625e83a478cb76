import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';

import type { components } from '../api/schema.d.ts';
import { contentItemPath, feedbackCasePath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import { entryKindLabel, entryStateLabel } from './dashboard-labels.ts';

export type WorkQueueEntry = components['schemas']['Dashboard']['workQueue'][number];

const hourMs = 60 * 60 * 1000;

/** Shows the items and cases waiting for the user, each with its deadline and how long it has waited. */
export function WorkQueuePanel(props: { entries: WorkQueueEntry[]; now: Date }) {
  const { i18n } = useApp();
  const overdueCount = () => props.entries.filter((entry) => entry.isOverdue).length;
  const age = (since: string) => {
    const hours = Math.max(0, Math.floor((props.now.getTime() - Date.parse(since)) / hourMs));
    return hours < 48
      ? i18n.t('queue.ageHours', { count: hours })
      : i18n.t('queue.ageDays', { count: Math.floor(hours / 24) });
  };
  const linkOf = (entry: WorkQueueEntry) =>
    entry.kind === 'content' ? contentItemPath(entry.id) : feedbackCasePath(entry.id);
  const stateOf = (entry: WorkQueueEntry) => {
    const label = entryStateLabel(entry.kind, entry.status);
    return label ? i18n.t(label) : entry.status;
  };

  return (
    <Show
      when={props.entries.length > 0}
      fallback={<p class="empty">{i18n.t('dashboard.queueEmpty')}</p>}
    >
      <p class="muted">
        {i18n.t('dashboard.queueCount', { count: props.entries.length, overdue: overdueCount() })}
      </p>
      <ul class="work-queue">
        <For each={props.entries}>
          {(entry) => (
            <li
              class="work-queue__entry"
              classList={{ 'work-queue__entry--overdue': entry.isOverdue }}
            >
              <A href={linkOf(entry)} class="work-queue__title">
                {entry.title}
              </A>
              <span class="work-queue__meta">
                {i18n.t(entryKindLabel(entry.kind, entry.type))} ·{' '}
                <span class="badge">{stateOf(entry)}</span>
              </span>
              <span class="work-queue__meta">
                {i18n.t('dashboard.due')}:{' '}
                {entry.dueAt ? i18n.formatDateTime(entry.dueAt) : i18n.t('dashboard.noDue')}
                <Show when={entry.isOverdue}>
                  {' '}
                  <span class="badge badge--warning">{i18n.t('dashboard.overdue')}</span>
                </Show>
                {' · '}
                {i18n.t('dashboard.waiting')} {age(entry.waitingSince)}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
