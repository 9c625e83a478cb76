import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';

import type { components } from '../api/schema.d.ts';
import { contentItemPath, feedbackCasePath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import { entryStateLabel } from './dashboard-labels.ts';

export type ActivityEntry = components['schemas']['Dashboard']['activity'][number];

/** Shows the latest workflow steps on the portal, newest first, each with who took it and when. */
export function ActivityPanel(props: { entries: ActivityEntry[] }) {
  const { i18n } = useApp();
  const linkOf = (entry: ActivityEntry) =>
    entry.kind === 'content' ? contentItemPath(entry.id) : feedbackCasePath(entry.id);
  const stateOf = (entry: ActivityEntry) => {
    const label = entryStateLabel(entry.kind, entry.toState);
    return label ? i18n.t(label) : entry.toState;
  };

  return (
    <Show
      when={props.entries.length > 0}
      fallback={<p class="empty">{i18n.t('dashboard.activityEmpty')}</p>}
    >
      <ol class="activity">
        <For each={props.entries}>
          {(entry) => (
            <li class="activity__entry">
              <time class="activity__time" datetime={entry.occurredAt}>
                {i18n.formatDateTime(entry.occurredAt)}
              </time>
              <A href={linkOf(entry)} class="activity__title">
                {entry.title}
              </A>
              <span class="activity__line">
                {i18n.t('dashboard.activityLine', {
                  actor: entry.actorName ?? i18n.t('dashboard.someone'),
                  state: stateOf(entry),
                })}
              </span>
              <Show when={entry.note}>
                <q class="activity__note">{entry.note}</q>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
