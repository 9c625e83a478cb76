import { A } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, Match, Show, Switch } from 'solid-js';

import '../../styles/editor.css';
import { ApiError } from '../../api/api-error.ts';
import type { Tenant } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { paths } from '../../paths.ts';
import { useApp } from '../../stores/app-context.tsx';
import { contentTypeLabel, workflowStateLabel, type ContentType } from '../content-names.ts';
import { fetchSubmission } from './editor-api.ts';
import { formValuesFrom } from './item-form-values.ts';
import { ItemHistory } from './ItemHistory.tsx';
import { ItemTextFields } from './ItemTextFields.tsx';
import type { RevisionText, WorkflowEvent } from './item-types.ts';
import { ResubmitForm } from './ResubmitForm.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import { latestReturnNote, unitActions } from './submission-notes.ts';

/** Shows the submitted text, read-only, while the desk handles the submission. */
function SubmittedText(props: { tenant: Tenant; type: ContentType; revision: RevisionText }) {
  const { i18n } = useApp();
  const headingId = createUniqueId();
  const values = formValuesFrom(props.type, props.revision, {
    slug: null,
    categoryId: null,
  });
  const editor = {
    values,
    problems: () => ({}),
    setField: () => {},
    setTypeField: () => {},
    rememberMedia: () => {},
    mediaNames: (): Record<string, string> => ({}),
  };

  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {i18n.t('editor.submissionPage.text', { number: props.revision.number })}
      </h2>
      <ItemTextFields
        editor={editor}
        type={props.type}
        tenantId={props.tenant.id}
        isReadOnly
        canAttachMedia={false}
      />
    </section>
  );
}

/** Shows one submission to its unit: the state, the desk's notes and, once returned, a form to revise it. */
export function SubmissionDetailPage(props: { tenant: Tenant; itemId: string }) {
  const { api, session, i18n } = useApp();
  const stateHeadingId = createUniqueId();
  const [submission, { refetch }] = createResource(
    () => ({ tenantId: props.tenant.id, itemId: props.itemId }),
    (query) => fetchSubmission(api, query.tenantId, query.itemId),
  );
  const [generation, setGeneration] = createSignal(1);
  const [announcement, setAnnouncement] = createSignal('');
  const isNotFound = () =>
    submission.error instanceof ApiError && submission.error.code === 'not_found';
  // The route names no actors: the unit's own steps are its staff's, the others the desk's.
  const actorOf = (event: WorkflowEvent) =>
    i18n.t(unitActions.has(event.action) ? 'editor.person.unit' : 'editor.person.desk');
  const reload = () =>
    void Promise.resolve(refetch()).then(() => setGeneration((count) => count + 1));

  return (
    <Switch fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
      <Match when={submission.error && !submission.latest}>
        <PageHeading title={i18n.t(isNotFound() ? 'editor.notFound' : 'editor.loadFailed')} />
        <Show when={!isNotFound()}>
          <ErrorNotice error={submission.error} onRetry={() => void refetch()} />
        </Show>
        <p>
          <A href={paths.submissions}>{i18n.t('editor.submissionPage.back')}</A>
        </p>
      </Match>
      <Match when={submission.latest}>
        {(loaded) => (
          <>
            <PageHeading
              title={loaded().revision?.titleVi ?? i18n.t('editor.untitled')}
              description={i18n.t('editor.submissionPage.intro', {
                type: i18n.t(contentTypeLabel(loaded().item.type)),
              })}
              actions={
                <A class="button button--quiet" href={paths.submissions}>
                  {i18n.t('editor.submissionPage.back')}
                </A>
              }
            />
            <p class="visually-hidden" role="status">
              {announcement()}
            </p>
            <section class="panel" aria-labelledby={stateHeadingId}>
              <h2 id={stateHeadingId} class="panel__title">
                {i18n.t('editor.submissionPage.state')}
              </h2>
              <p>
                <span
                  class="badge"
                  classList={{ 'badge--warning': loaded().item.status === 'returned' }}
                >
                  {i18n.t(workflowStateLabel(loaded().item.status))}
                </span>
              </p>
              <Show when={latestReturnNote(loaded().events)}>
                {(returned) => (
                  <div class="notice notice--info editor-return-note">
                    <p class="notice__title">
                      {i18n.t('editor.submissionPage.returnNote', {
                        time: i18n.formatDateTime(returned().occurredAt),
                      })}
                    </p>
                    <blockquote class="editor-history__note">{returned().note}</blockquote>
                  </div>
                )}
              </Show>
            </section>
            <div class="editor__layout">
              <div class="editor__main">
                <Show when={generation()} keyed>
                  <Show when={loaded().revision}>
                    {(revision) => (
                      <Show
                        when={loaded().item.status === 'returned'}
                        fallback={
                          <SubmittedText
                            tenant={props.tenant}
                            type={loaded().item.type}
                            revision={revision()}
                          />
                        }
                      >
                        <ResubmitForm
                          tenant={props.tenant}
                          submission={loaded()}
                          revision={revision()}
                          onSent={() => {
                            setAnnouncement(i18n.t('editor.resubmit.sent'));
                            reload();
                          }}
                          onReload={reload}
                        />
                      </Show>
                    )}
                  </Show>
                </Show>
              </div>
              <div class="editor__side">
                <Show when={loaded().item.provenance}>
                  {(provenance) => <SourcePanel sourceTenantId={null} provenance={provenance()} />}
                </Show>
                <ItemHistory
                  events={loaded().events}
                  title={i18n.t('editor.submissionPage.history')}
                  actorOf={actorOf}
                />
              </div>
            </div>
          </>
        )}
      </Match>
    </Switch>
  );
}
