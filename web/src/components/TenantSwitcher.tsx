import { useLocation, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';

import type { Tenant } from '../api/client.ts';
import { shellPages } from '../pages.ts';
import { paths, pathInAdmin } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import { TenantPickerDialog } from './TenantPickerDialog.tsx';
import { tenantName } from './tenant-name.ts';

/**
 * Chooses the portal the admin works on. The board, who see every portal, get a searchable
 * picker; others choose among their own portals in a plain select.
 */
export function TenantSwitcher() {
  const { scope, session, i18n } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const selectId = createUniqueId();
  const [isPickerOpen, setPickerOpen] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  const isBoard = () => (session.me()?.boardRoles.length ?? 0) > 0;

  const choose = (tenant: Tenant) => {
    scope.select(tenant.id);
    setPickerOpen(false);
    setAnnouncement(i18n.t('tenant.switched', { name: tenantName(tenant, i18n.locale()) }));
    const me = session.me();
    const page = shellPages.find((candidate) => candidate.path === pathInAdmin(location.pathname));
    if (me && page && !page.isAllowed({ me, tenant })) {
      navigate(paths.dashboard);
    }
  };

  return (
    <div class="tenant-switcher">
      <Switch>
        <Match when={scope.tenants.error}>
          <span class="tenant-switcher__error">{i18n.t('tenant.loadFailed')}</span>
          <button type="button" class="button button--quiet" onClick={() => void scope.refetch()}>
            {i18n.t('common.retry')}
          </button>
        </Match>
        <Match when={!scope.list()}>
          <span class="muted">{i18n.t('common.loading')}</span>
        </Match>
        <Match when={isBoard()}>
          <button
            type="button"
            class="tenant-switcher__button"
            aria-haspopup="dialog"
            onClick={() => setPickerOpen(true)}
          >
            <span class="tenant-switcher__caption">{i18n.t('tenant.current')}</span>
            <span class="tenant-switcher__name">
              {scope.current() ? tenantName(scope.current()!, i18n.locale()) : '—'}
            </span>
          </button>
        </Match>
        <Match when={(scope.list()?.length ?? 0) <= 1}>
          <span class="tenant-switcher__single">
            <span class="tenant-switcher__caption">{i18n.t('tenant.current')}</span>
            <span class="tenant-switcher__name">
              {scope.current()
                ? tenantName(scope.current()!, i18n.locale())
                : i18n.t('tenant.none')}
            </span>
          </span>
        </Match>
        <Match when={true}>
          <label class="tenant-switcher__caption" for={selectId}>
            {i18n.t('tenant.current')}
          </label>
          <select
            id={selectId}
            class="tenant-switcher__select"
            value={scope.current()?.id ?? ''}
            onChange={(event) => {
              const tenant = scope.list()?.find((item) => item.id === event.currentTarget.value);
              if (tenant) {
                choose(tenant);
              }
            }}
          >
            <For each={scope.list()}>
              {(tenant) => <option value={tenant.id}>{tenantName(tenant, i18n.locale())}</option>}
            </For>
          </select>
        </Match>
      </Switch>
      <span class="visually-hidden" role="status">
        {announcement()}
      </span>
      <Show when={isPickerOpen()}>
        <TenantPickerDialog
          tenants={scope.list() ?? []}
          currentId={scope.current()?.id}
          onPick={choose}
          onClose={() => setPickerOpen(false)}
        />
      </Show>
    </div>
  );
}
