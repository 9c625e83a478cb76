import { A } from '@solidjs/router';
import { createResource, For, Show, Suspense } from 'solid-js';

import { canOnPlatform, canOnTenant, rolesOnTenant } from '../access/access.ts';
import { roleDescription, roleLabel } from '../access/role-labels.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { ActivityPanel } from '../dashboard/ActivityPanel.tsx';
import { WorkQueuePanel } from '../dashboard/WorkQueuePanel.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

import '../styles/dashboard.css';

/** The start page: who the user is on this portal, what waits for them and what happened lately. */
export default function Dashboard() {
  const { api, session, scope, i18n } = useApp();
  const me = () => session.me()!;
  const roles = () => rolesOnTenant(me(), scope.current()?.id);
  const allRoles = () => [...roles().boardRoles, ...roles().tenantRoles];
  // The work queue and the activity list show content and feedback only. A user who may read
  // neither on this portal, such as a security auditor, gets neither panel.
  const mayReadWork = () => {
    const tenant = scope.current();
    return canOnTenant(me(), 'content.read', tenant) || canOnTenant(me(), 'feedback.read', tenant);
  };
  const [overview, { refetch }] = createResource(
    () => {
      const tenant = scope.current();
      return tenant && mayReadWork() ? tenant.id : undefined;
    },
    async (tenantId) => ({
      ...(await api.call(api.client.GET('/dashboard', { params: { query: { tenantId } } }))),
      loadedAt: new Date(),
    }),
  );
  const portal = () => {
    const tenant = scope.current();
    return tenant ? tenantName(tenant, i18n.locale()) : '';
  };

  return (
    <>
      <PageHeading
        title={i18n.t('dashboard.greeting', { name: me().user.displayName })}
        description={portal() ? i18n.t('dashboard.workingOn', { portal: portal() }) : undefined}
      />
      <div class="dashboard">
        <section class="panel">
          <h2 class="panel__title">{i18n.t('dashboard.rolesTitle')}</h2>
          <Show
            when={allRoles().length > 0}
            fallback={
              <p class={scope.list() ? undefined : 'muted'}>
                {scope.list() ? i18n.t('dashboard.noRoles') : i18n.t('common.loading')}
              </p>
            }
          >
            <ul class="role-list">
              <For each={allRoles()}>
                {(role) => (
                  <li class="role-list__item">
                    <span class="badge">{roleLabel(role, i18n.t)}</span>
                    <span class="role-list__text">{roleDescription(role, i18n.t)}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={roles().boardRoles.length > 0}>
              <p class="muted">{i18n.t('dashboard.boardNote')}</p>
            </Show>
          </Show>
        </section>
        {/* A local boundary: while the queue loads, the rest of the page, its focused heading
            included, stays in place instead of the whole page waiting. */}
        <Suspense fallback={<p class="muted dashboard__wide">{i18n.t('common.loading')}</p>}>
          <Show when={mayReadWork()}>
            <section class="panel dashboard__wide" aria-busy={overview.loading}>
              <h2 class="panel__title">{i18n.t('dashboard.queueTitle')}</h2>
              <p class="muted">{i18n.t('dashboard.queueIntro')}</p>
              <Show when={overview.error}>
                <ErrorNotice error={overview.error} onRetry={() => void refetch()} />
              </Show>
              <Show
                when={!overview.error && overview.latest}
                fallback={<Show when={overview.loading}>{i18n.t('common.loading')}</Show>}
              >
                {(loaded) => (
                  <WorkQueuePanel entries={loaded().workQueue} now={loaded().loadedAt} />
                )}
              </Show>
            </section>
            <section class="panel dashboard__wide" aria-busy={overview.loading}>
              <h2 class="panel__title">{i18n.t('dashboard.activityTitle')}</h2>
              <p class="muted">{i18n.t('dashboard.activityIntro')}</p>
              <Show when={!overview.error && overview.latest}>
                {(loaded) => <ActivityPanel entries={loaded().activity} />}
              </Show>
            </section>
          </Show>
        </Suspense>
        <section class="panel">
          <h2 class="panel__title">{i18n.t('dashboard.shortcutsTitle')}</h2>
          <ul class="link-list">
            <Show when={canOnTenant(me(), 'user.read', scope.current())}>
              <li>
                <A href={paths.members}>{i18n.t('nav.members')}</A>
              </li>
            </Show>
            <Show when={canOnPlatform(me(), 'user.read')}>
              <li>
                <A href={paths.boardAccounts}>{i18n.t('nav.boardAccounts')}</A>
              </li>
            </Show>
            <li>
              <A href={paths.sessions}>{i18n.t('nav.sessions')}</A>
            </li>
            <li>
              <A href={paths.password}>{i18n.t('nav.password')}</A>
            </li>
          </ul>
          <Show when={!me().secondFactor.isEnrolled}>
            <p class="muted">
              {i18n.t('dashboard.noSecondFactor')}{' '}
              <A href={paths.enrolment}>{i18n.t('dashboard.setUpSecondFactor')}</A>
            </p>
          </Show>
        </section>
      </div>
    </>
  );
}
