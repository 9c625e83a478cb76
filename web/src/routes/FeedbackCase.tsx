import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { AnswerEditor } from '../feedback/AnswerEditor.tsx';
import { CaseHistory } from '../feedback/CaseHistory.tsx';
import { CaseStepPanel } from '../feedback/CaseStepPanel.tsx';
import { DeadlineClock } from '../feedback/DeadlineClock.tsx';
import {
  caseReference,
  kindLabel,
  stateLabel,
  topicLabel,
  type CaseDetail,
  type CaseStepName,
} from '../feedback/feedback-names.ts';
import { SenderDetails } from '../feedback/SenderDetails.tsx';
import { formatBytes } from '../feedback/format-bytes.ts';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import '../styles/feedback.css';

/**
 * The handling page of one case: the message as the sender wrote it, their contact details,
 * attachments, the full history, and a button for each step this user may take now.
 */
export default function FeedbackCase() {
  const { api, scope, i18n } = useApp();
  const params = useParams<{ caseId: string }>();
  const tenantId = () => scope.current()?.id;
  const attachmentUrl = (caseId: string, mediaId: string) =>
    `/api/admin/feedback/cases/${encodeURIComponent(caseId)}/attachments/` +
    `${encodeURIComponent(mediaId)}?tenantId=${encodeURIComponent(tenantId() ?? '')}`;
  const [announcement, setAnnouncement] = createSignal('');
  let status: HTMLParagraphElement | undefined;

  const [detail, { refetch }] = createResource(
    () => {
      const id = tenantId();
      return id ? { tenantId: id, caseId: params.caseId } : undefined;
    },
    async (query) => {
      const result = await api.call(
        api.client.GET('/feedback/cases/{caseId}', {
          params: { path: { caseId: query.caseId }, query: { tenantId: query.tenantId } },
        }),
      );
      return result as unknown as CaseDetail;
    },
  );
  const loaded = () => (detail.error ? undefined : detail.latest);
  const unitName = (id: string) => {
    const unit = loaded()?.units.find((candidate) => candidate.id === id);
    return unit ? tenantName(unit, i18n.locale()) : '—';
  };

  // After a step the case is read again, and the new state is announced where focus lands.
  const afterStep = async (step: CaseStepName) => {
    const updated = await refetch();
    const state = updated ? i18n.t(stateLabel(updated.status)) : '';
    setAnnouncement(i18n.t('feedback.stepDone', { step: i18n.t(`feedback.step.${step}`), state }));
    status?.focus();
  };

  return (
    <>
      <p class="feedback-back">
        <A href={paths.feedback}>{i18n.t('feedback.backToInbox')}</A>
      </p>
      <Show when={detail.error}>
        <ErrorNotice error={detail.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={!loaded() && detail.loading}>
        <p class="muted" role="status">
          {i18n.t('common.loading')}
        </p>
      </Show>
      <Show when={loaded()}>
        {(item) => (
          <>
            <PageHeading
              title={item().subject}
              description={i18n.t('feedback.caseIntro', {
                reference: caseReference(item().id),
                kind: i18n.t(kindLabel(item().kind)),
              })}
            />
            <p
              ref={status}
              class="notice notice--success feedback-status"
              role="status"
              tabIndex={-1}
              hidden={announcement() === ''}
            >
              {announcement()}
            </p>
            <div class="feedback-case">
              <section class="panel feedback-case__facts" aria-labelledby="feedback-facts">
                <h2 id="feedback-facts" class="panel__title">
                  {i18n.t('feedback.facts')}
                </h2>
                <dl class="details">
                  <div>
                    <dt>{i18n.t('feedback.status')}</dt>
                    <dd>
                      <span class="badge">{i18n.t(stateLabel(item().status))}</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{i18n.t('feedback.deadline')}</dt>
                    <dd>
                      <DeadlineClock summary={item()} />
                    </dd>
                  </div>
                  <div>
                    <dt>{i18n.t('feedback.topic')}</dt>
                    <dd>
                      {item().topic
                        ? i18n.t(topicLabel(item().topic!))
                        : i18n.t('feedback.noTopic')}
                    </dd>
                  </div>
                  <div>
                    <dt>{i18n.t('feedback.responsibleUnit')}</dt>
                    <dd>{unitName(item().responsibleTenantId)}</dd>
                  </div>
                  <div>
                    <dt>{i18n.t('feedback.receivedAt')}</dt>
                    <dd>{i18n.formatDateTime(item().receivedAt)}</dd>
                  </div>
                  <div>
                    <dt>{i18n.t('feedback.receivedBy')}</dt>
                    <dd>{unitName(item().tenantId)}</dd>
                  </div>
                </dl>
              </section>

              <section class="panel" aria-labelledby="feedback-message">
                <h2 id="feedback-message" class="panel__title">
                  {i18n.t('feedback.message')}
                </h2>
                {/* Text, never HTML: Solid sets what the sender wrote as a text node. */}
                <p class="feedback-message" data-testid="feedback-message">
                  {item().body}
                </p>
                <h3 class="feedback-subheading">{i18n.t('feedback.attachments')}</h3>
                <Show
                  when={item().attachments.length > 0}
                  fallback={
                    <p class="muted">
                      {item().attachmentMediaIds.length > 0
                        ? i18n.t('feedback.attachmentsElsewhere')
                        : i18n.t('feedback.noAttachments')}
                    </p>
                  }
                >
                  {/* The admin API serves these private files as downloads, audited; the public
                      media route never does. */}
                  <ul class="feedback-attachments">
                    <For each={item().attachments}>
                      {(file) => (
                        <li>
                          <a href={attachmentUrl(item().id, file.id)} download={file.originalName}>
                            {file.originalName}
                          </a>{' '}
                          <span class="muted">
                            ({file.contentType}, {formatBytes(file.sizeBytes)})
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>

              <section class="panel" aria-labelledby="feedback-sender">
                <h2 id="feedback-sender" class="panel__title">
                  {i18n.t('feedback.sender')}
                </h2>
                <SenderDetails sender={item().sender} />
              </section>

              <section class="panel" aria-labelledby="feedback-answer">
                <h2 id="feedback-answer" class="panel__title">
                  {i18n.t('feedback.answer')}
                </h2>
                <Show
                  when={item().availableSteps.includes('answer')}
                  fallback={
                    <Show
                      when={item().answer}
                      fallback={<p class="muted">{i18n.t('feedback.noAnswer')}</p>}
                    >
                      {(answer) => <p class="feedback-message">{answer()}</p>}
                    </Show>
                  }
                >
                  <AnswerEditor
                    detail={item()}
                    tenantId={tenantId()!}
                    onSaved={() => void afterStep('answer')}
                  />
                </Show>
              </section>

              <section class="panel" aria-labelledby="feedback-steps">
                <h2 id="feedback-steps" class="panel__title">
                  {i18n.t('feedback.steps')}
                </h2>
                <CaseStepPanel
                  detail={item()}
                  tenantId={tenantId()!}
                  onDone={(step) => void afterStep(step)}
                />
              </section>

              <section class="panel" aria-labelledby="feedback-history">
                <h2 id="feedback-history" class="panel__title">
                  {i18n.t('feedback.history')}
                </h2>
                <CaseHistory detail={item()} />
              </section>
            </div>
          </>
        )}
      </Show>
    </>
  );
}
