import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { describeUserAgent } from '../format/describe-user-agent.ts';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** The user's own sessions, with a way to end every one but this. */
export default function MySessions() {
  const { api, session, i18n } = useApp();
  const [sessions, { refetch }] = createResource(async () => {
    const result = await api.call(api.client.GET('/auth/sessions'));
    return [...result.sessions].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  });
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [ended, setEnded] = createSignal<number>();
  const others = () =>
    (sessions.error ? [] : (sessions.latest ?? [])).filter((item) => !item.isCurrent);

  const endOthers = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.call(api.client.POST('/auth/logout-others', { body: {} }));
      setEnded(result.ended);
      await refetch();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={i18n.t('sessions.title')} description={i18n.t('sessions.intro')} />
      <Show when={sessions.error}>
        <ErrorNotice error={sessions.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={!sessions.error && sessions.latest}>
        {(list) => (
          <section class="panel">
            <div class="table-wrap">
              <table class="table table--stack">
                <caption class="visually-hidden">{i18n.t('sessions.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('sessions.device')}</th>
                    <th scope="col">{i18n.t('sessions.address')}</th>
                    <th scope="col">{i18n.t('sessions.started')}</th>
                    <th scope="col">{i18n.t('sessions.lastSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(item) => (
                      <tr>
                        <td data-label={i18n.t('sessions.device')}>
                          {describeUserAgent(item.userAgent) ?? i18n.t('sessions.unknownDevice')}
                          <Show when={item.isCurrent}>
                            {' '}
                            <span class="badge badge--current">{i18n.t('sessions.current')}</span>
                          </Show>
                        </td>
                        <td data-label={i18n.t('sessions.address')}>{item.ipAddress ?? '—'}</td>
                        <td data-label={i18n.t('sessions.started')}>
                          {i18n.formatDateTime(item.createdAt)}
                        </td>
                        <td data-label={i18n.t('sessions.lastSeen')}>
                          {i18n.formatDateTime(item.lastSeenAt)}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="panel__footer">
              <Show
                when={others().length > 0}
                fallback={<p class="muted">{i18n.t('sessions.onlyThis')}</p>}
              >
                <SubmitButton
                  type="button"
                  variant="secondary"
                  isBusy={isBusy()}
                  busyLabel={i18n.t('sessions.ending')}
                  onClick={() => void endOthers()}
                >
                  {i18n.t('sessions.endOthers', { count: others().length })}
                </SubmitButton>
              </Show>
              <p role="status" class="muted">
                {ended() !== undefined ? i18n.t('sessions.ended', { count: ended()! }) : ''}
              </p>
            </div>
            <Show when={error()}>
              <ErrorNotice error={error()} onRetry={() => void endOthers()} />
            </Show>
          </section>
        )}
      </Show>
      <section class="panel">
        <h2 class="panel__title">{i18n.t('sessions.secondFactorTitle')}</h2>
        <Show
          when={session.me()?.secondFactor.isEnrolled}
          fallback={
            <p>
              {i18n.t('dashboard.noSecondFactor')}{' '}
              <A href={paths.enrolment}>{i18n.t('dashboard.setUpSecondFactor')}</A>
            </p>
          }
        >
          <p>{i18n.t('sessions.secondFactorOn')}</p>
        </Show>
      </section>
    </>
  );
}
