import { createMemo, createSignal, For, Show } from 'solid-js';

import type { Tenant } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { matchesTenant } from '../stores/create-tenant-scope.ts';
import { Dialog } from './Dialog.tsx';
import { tenantName } from './tenant-name.ts';
import { TextField } from './TextField.tsx';

export type TenantPickerDialogProps = {
  tenants: readonly Tenant[];
  currentId: string | undefined;
  onPick: (tenant: Tenant) => void;
  onClose: () => void;
};

/** The board's portal picker: every portal, filtered as the user types (accents optional). */
export function TenantPickerDialog(props: TenantPickerDialogProps) {
  const { i18n } = useApp();
  const [query, setQuery] = createSignal('');
  const matches = createMemo(() =>
    props.tenants.filter((tenant) => matchesTenant(tenant, query())),
  );

  return (
    <Dialog title={i18n.t('tenant.pickTitle')} onClose={props.onClose} isWide>
      <TextField
        label={i18n.t('tenant.search')}
        hint={i18n.t('tenant.searchHint')}
        type="search"
        value={query()}
        onInput={setQuery}
        autocomplete="off"
        isAutofocus
      />
      <p class="muted" role="status">
        {i18n.t('tenant.matchCount', { count: matches().length, total: props.tenants.length })}
      </p>
      <Show when={matches().length > 0} fallback={<p>{i18n.t('tenant.noMatch')}</p>}>
        <ul class="tenant-list">
          <For each={matches()}>
            {(tenant) => (
              <li>
                <button
                  type="button"
                  class="tenant-list__item"
                  aria-current={tenant.id === props.currentId ? 'true' : undefined}
                  onClick={() => props.onPick(tenant)}
                >
                  <span class="tenant-list__name">{tenantName(tenant, i18n.locale())}</span>
                  <span class="tenant-list__meta">
                    {tenant.slug}
                    {' · '}
                    {i18n.t(`tenant.kind.${tenant.kind}`)}
                    <Show when={tenant.status === 'suspended'}>
                      {' · '}
                      {i18n.t('tenant.suspended')}
                    </Show>
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Dialog>
  );
}
