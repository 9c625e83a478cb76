import { createResource, createUniqueId, For, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useApp } from '../stores/app-context.tsx';
import { formatValue } from './format-value.ts';
import type { Policy } from './types.ts';

export type PolicyTenantsTableProps = { policy: Policy };

/** Every portal and whether a change of the board's value reaches it or its override stays. */
export function PolicyTenantsTable(props: PolicyTenantsTableProps) {
  const { api, i18n } = useApp();
  const headingId = createUniqueId();
  const [tenants, { refetch }] = createResource(async () => {
    const result = await api.call(
      api.client.GET('/policies/{key}/tenants', {
        params: { path: { key: props.policy.key } },
      }),
    );
    return result.tenants;
  });
  const rows = () => (tenants.error ? [] : (tenants.latest ?? []));
  const followingCount = () => rows().filter((row) => row.followsBoard).length;

  return (
    <section class="dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId} class="dialog__section-title">
        {i18n.t('policies.tenants.heading')}
      </h3>
      <Show when={tenants.error}>
        <ErrorNotice error={tenants.error} onRetry={() => void refetch()} />
      </Show>
      <p class="muted" role="status">
        {tenants.loading
          ? i18n.t('common.loading')
          : i18n.t('policies.tenants.count', {
              following: followingCount(),
              total: rows().length,
            })}
      </p>
      <Show when={rows().length > 0}>
        <div class="table-wrap">
          <table class="table table--stack">
            <caption class="visually-hidden">{i18n.t('policies.tenants.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('policies.tenants.portal')}</th>
                <th scope="col">{i18n.t('policies.tenants.follows')}</th>
                <th scope="col">{i18n.t('policies.tenants.override')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row" data-label={i18n.t('policies.tenants.portal')}>
                      <span class="table__name">{row.tenant.nameVi}</span>
                      <span class="table__sub">{row.tenant.slug}</span>
                    </th>
                    <td data-label={i18n.t('policies.tenants.follows')}>
                      {row.followsBoard
                        ? i18n.t('policies.tenants.followsYes')
                        : i18n.t('policies.tenants.followsNo')}
                    </td>
                    <td data-label={i18n.t('policies.tenants.override')}>
                      <Show when={row.override} fallback="—">
                        {(override) => (
                          <>
                            {formatValue(props.policy, override().value, i18n)}
                            <span class="table__sub">
                              {i18n.t(`policies.override.status.${override().status}`)}
                              <Show when={override().problem}>
                                {' '}
                                <span lang="en">({override().problem})</span>
                              </Show>
                            </span>
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
  );
}
