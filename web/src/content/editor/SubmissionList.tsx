import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';

import '../../styles/editor.css';
import type { Tenant } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { tenantName } from '../../components/tenant-name.ts';
import { submissionPath } from '../../paths.ts';
import { useApp } from '../../stores/app-context.tsx';
import { contentTypeLabel, workflowStateLabel } from '../content-names.ts';
import { listOwnSubmissions } from './editor-api.ts';
import { latestDeskNote } from './submission-notes.ts';
import { eventLabel } from './workflow-labels.ts';

/** Lists what a unit has sent to the main portal, newest first, with the desk's latest note. */
export function SubmissionList(props: { tenant: Tenant }) {
  const { api, i18n } = useApp();
  const [submissions, { refetch }] = createResource(
    () => props.tenant.id,
    (tenantId) => listOwnSubmissions(api, tenantId),
  );
  const rows = () => (submissions.error ? [] : (submissions.latest ?? []));
  const returnedCount = () => rows().filter((row) => row.status === 'returned').length;
  const labelOf = (action: string) => {
    const key = eventLabel(action);
    return key ? i18n.t(key) : action;
  };

  return (
    <>
      <PageHeading
        title={i18n.t('editor.submissions.title')}
        description={i18n.t('editor.submissions.intro', {
          portal: tenantName(props.tenant, i18n.locale()),
        })}
      />
      <Show when={submissions.error}>
        <ErrorNotice error={submissions.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <p class="muted" role="status">
          {submissions.loading
            ? i18n.t('common.loading')
            : i18n.t('editor.submissions.count', {
                count: rows().length,
                returned: returnedCount(),
              })}
        </p>
        <Show
          when={rows().length > 0}
          fallback={
            <Show when={!submissions.loading && !submissions.error}>
              <p class="empty">{i18n.t('editor.submissions.empty')}</p>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table--stack">
              <caption class="visually-hidden">{i18n.t('editor.submissions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('content.itemTitle')}</th>
                  <th scope="col">{i18n.t('content.status')}</th>
                  <th scope="col">{i18n.t('editor.submissions.sentAt')}</th>
                  <th scope="col">{i18n.t('editor.submissions.deskNote')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(submission) => (
                    <tr classList={{ 'table__row--overdue': submission.status === 'returned' }}>
                      <th scope="row" data-label={i18n.t('content.itemTitle')}>
                        <A class="table__name" href={submissionPath(submission.id)}>
                          {submission.titleVi}
                        </A>
                        <span class="table__sub">{i18n.t(contentTypeLabel(submission.type))}</span>
                      </th>
                      <td data-label={i18n.t('content.status')}>
                        <span
                          class="badge"
                          classList={{ 'badge--warning': submission.status === 'returned' }}
                        >
                          {i18n.t(workflowStateLabel(submission.status))}
                        </span>
                      </td>
                      <td data-label={i18n.t('editor.submissions.sentAt')}>
                        {i18n.formatDateTime(submission.submittedAt)}
                      </td>
                      <td data-label={i18n.t('editor.submissions.deskNote')}>
                        <Show when={latestDeskNote(submission)} fallback="—">
                          {(note) => (
                            <>
                              <span class="table__sub">
                                {labelOf(note().action)} · {i18n.formatDateTime(note().occurredAt)}
                              </span>
                              {note().note}
                            </>
                          )}
                        </Show>
                      </td>
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
