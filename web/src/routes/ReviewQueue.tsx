import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import {
  contentTypeLabel,
  workflowStateLabel,
  type ContentType,
  type WorkflowState,
} from '../content/content-names.ts';
import { contentItemPath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** One row of `GET /content/review-queue`: an item sent to the main portal by a unit. */
export type QueuedItem = {
  id: string;
  type: ContentType;
  status: WorkflowState;
  titleVi: string;
  dueAt: string | null;
  source: { slug: string; nameVi: string | null } | null;
  provenance: {
    senderName: string;
    senderTitle: string;
    senderEmail?: string;
    senderPhone?: string;
    purpose: string;
  } | null;
  ageHours: number;
  isOverdue: boolean;
};

/** Lists the standing section's queue on the main portal, across units, nearest deadline first. */
export default function ReviewQueue() {
  const { api, i18n } = useApp();
  const [queue, { refetch }] = createResource(async () => {
    const result = await api.call(api.client.GET('/content/review-queue'));
    return (result as unknown as { items: QueuedItem[] }).items;
  });
  const rows = () => (queue.error ? [] : (queue.latest ?? []));
  const overdueCount = () => rows().filter((item) => item.isOverdue).length;
  const age = (hours: number) =>
    hours < 48
      ? i18n.t('queue.ageHours', { count: hours })
      : i18n.t('queue.ageDays', { count: Math.floor(hours / 24) });

  return (
    <>
      <PageHeading title={i18n.t('queue.title')} description={i18n.t('queue.intro')} />
      <Show when={queue.error}>
        <ErrorNotice error={queue.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <p class="muted" role="status">
          {queue.loading
            ? i18n.t('common.loading')
            : i18n.t('queue.count', { count: rows().length, overdue: overdueCount() })}
        </p>
        <Show
          when={rows().length > 0}
          fallback={
            <Show when={!queue.loading && !queue.error}>
              <p class="empty">{i18n.t('queue.empty')}</p>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table--stack">
              <caption class="visually-hidden">{i18n.t('queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('content.itemTitle')}</th>
                  <th scope="col">{i18n.t('queue.source')}</th>
                  <th scope="col">{i18n.t('queue.provenance')}</th>
                  <th scope="col">{i18n.t('content.status')}</th>
                  <th scope="col">{i18n.t('queue.due')}</th>
                  <th scope="col">{i18n.t('queue.age')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(item) => (
                    <tr classList={{ 'table__row--overdue': item.isOverdue }}>
                      <th scope="row" data-label={i18n.t('content.itemTitle')}>
                        <A class="table__name" href={contentItemPath(item.id)}>
                          {item.titleVi}
                        </A>
                        <span class="table__sub">{i18n.t(contentTypeLabel(item.type))}</span>
                      </th>
                      <td data-label={i18n.t('queue.source')}>
                        {item.source ? (item.source.nameVi ?? item.source.slug) : '—'}
                      </td>
                      <td data-label={i18n.t('queue.provenance')}>
                        <Show when={item.provenance} fallback="—">
                          {(provenance) => (
                            <>
                              {provenance().senderName}, {provenance().senderTitle}
                              <span class="table__sub">{provenance().purpose}</span>
                            </>
                          )}
                        </Show>
                      </td>
                      <td data-label={i18n.t('content.status')}>
                        {i18n.t(workflowStateLabel(item.status))}
                      </td>
                      <td data-label={i18n.t('queue.due')}>
                        {item.dueAt ? i18n.formatDateTime(item.dueAt) : i18n.t('queue.noDue')}
                        <Show when={item.isOverdue}>
                          {' '}
                          <span class="badge badge--warning">{i18n.t('queue.overdue')}</span>
                        </Show>
                      </td>
                      <td data-label={i18n.t('queue.age')}>{age(item.ageHours)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}
