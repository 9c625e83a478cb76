import { For, Show } from 'solid-js';

import { tenantName } from '../components/tenant-name.ts';
import { useApp } from '../stores/app-context.tsx';
import { eventLabel, stateLabel, type CaseDetail, type CaseEvent } from './feedback-names.ts';

export type CaseHistoryProps = { detail: CaseDetail };

/** Every event of a case, oldest first: what happened, who and when, the note, the new state. */
export function CaseHistory(props: CaseHistoryProps) {
  const { i18n } = useApp();

  const actor = (event: CaseEvent) => {
    if (event.actorName) {
      return event.actorName;
    }
    return event.action === 'receive' ? i18n.t('feedback.bySender') : i18n.t('feedback.bySystem');
  };
  const unitName = (tenantId: string | null) => {
    const unit = props.detail.units.find((candidate) => candidate.id === tenantId);
    return unit ? tenantName(unit, i18n.locale()) : undefined;
  };

  return (
    <ol class="feedback-history">
      <For each={props.detail.events}>
        {(event) => (
          <li class="feedback-history__item">
            <p class="feedback-history__what">
              <span class="feedback-history__action">{i18n.t(eventLabel(event.action))}</span>
              <Show when={event.fromState !== event.toState}>
                {' '}
                <span class="badge">{i18n.t(stateLabel(event.toState))}</span>
              </Show>
              <Show when={event.isPublic && event.action === 'progress_note'}>
                {' '}
                <span class="badge badge--current">{i18n.t('feedback.public')}</span>
              </Show>
            </p>
            <p class="feedback-history__meta">
              {i18n.t('feedback.eventMeta', {
                actor: actor(event),
                time: i18n.formatDateTime(event.occurredAt),
              })}
              <Show when={event.action === 'forward' && unitName(event.assignedTenantId)}>
                {(unit) => <> · {i18n.t('feedback.forwardedTo', { unit: unit() })}</>}
              </Show>
            </p>
            <Show when={event.note && event.action !== 'reminder'}>
              <p class="feedback-history__note">{event.note}</p>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
