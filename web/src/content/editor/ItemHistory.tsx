import { createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../../stores/app-context.tsx';
import { workflowStateLabel } from '../content-names.ts';
import type { WorkflowEvent } from './item-types.ts';
import { personLabel } from './person-label.ts';
import { eventLabel } from './workflow-labels.ts';

export type ItemHistoryProps = {
  events: readonly WorkflowEvent[];
  title: string;
  /** Names the actor of each event, for callers with more facts than the event contains. */
  actorOf?: (event: WorkflowEvent) => string;
};

/** Lists the item's workflow history, newest first: each step with who took it, when, and its note. */
export function ItemHistory(props: ItemHistoryProps) {
  const { session, i18n } = useApp();
  const headingId = createUniqueId();
  const newestFirst = () =>
    [...props.events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const labelOf = (action: string) => {
    const key = eventLabel(action);
    return key ? i18n.t(key) : action;
  };
  const actorOf = (event: WorkflowEvent) =>
    props.actorOf?.(event) ??
    personLabel(i18n.t, session.me()?.user.id, event.actorUserId, event.actorName);

  return (
    <section class="panel editor-history" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {props.title}
      </h2>
      <Show
        when={props.events.length > 0}
        fallback={<p class="muted">{i18n.t('editor.history.empty')}</p>}
      >
        <ol class="editor-history__list">
          <For each={newestFirst()}>
            {(event) => (
              <li class="editor-history__event">
                <p class="editor-history__what">
                  <span class="editor-history__action">{labelOf(event.action)}</span>
                  {' → '}
                  <span>{i18n.t(workflowStateLabel(event.toState))}</span>
                </p>
                <p class="editor-history__meta">
                  {i18n.t('editor.history.byAt', {
                    actor: actorOf(event),
                    time: i18n.formatDateTime(event.occurredAt),
                  })}
                </p>
                <Show when={event.note}>
                  <blockquote class="editor-history__note">
                    <span class="visually-hidden">{i18n.t('editor.history.note')} </span>
                    {event.note}
                  </blockquote>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
