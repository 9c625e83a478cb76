import { createResource, createUniqueId, For, Show } from 'solid-js';

import type { Tenant } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { tenantName } from '../components/tenant-name.ts';
import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';
import { formatBounds, formatValue } from './format-value.ts';
import { PolicyTenantsTable } from './PolicyTenantsTable.tsx';
import type { Policy, PolicyHistoryEntry } from './types.ts';

export type PolicyHistoryDialogProps = {
  policy: Policy;
  /** The portal whose history is shown with the board's; absent for every portal's. */
  tenant: Tenant | undefined;
  /** True for the board, which gets every portal's changes and the portals that follow its value. */
  isBoardView: boolean;
  onClose: () => void;
};

const changeLabels: Record<string, MessageKey> = {
  default: 'policies.history.change.default',
  bounds: 'policies.history.change.bounds',
  lock: 'policies.history.change.lock',
  unlock: 'policies.history.change.unlock',
  override: 'policies.history.change.override',
  override_removed: 'policies.history.change.override_removed',
};

/** Shows who changed a policy, when, why and from what to what, and for the board, which portals it reaches. */
export function PolicyHistoryDialog(props: PolicyHistoryDialogProps) {
  const { api, scope, i18n } = useApp();
  const headingId = createUniqueId();
  const [history, { refetch }] = createResource(async () => {
    const tenantId = props.isBoardView ? undefined : props.tenant?.id;
    const result = await api.call(
      api.client.GET('/policies/{key}/history', {
        params: { path: { key: props.policy.key }, query: tenantId ? { tenantId } : {} },
      }),
    );
    return result.history;
  });
  const rows = () => (history.error ? [] : (history.latest ?? []));
  const portalOf = (tenantId: string | null) => {
    if (tenantId === null) {
      return i18n.t('policies.history.board');
    }
    const tenant = scope.list()?.find((candidate) => candidate.id === tenantId);
    return tenant ? tenantName(tenant, i18n.locale()) : tenantId;
  };
  const describe = (entry: PolicyHistoryEntry, side: 'before' | 'after') => {
    const value = entry[side];
    if (entry.change === 'bounds') {
      return formatBounds({ ...props.policy, bounds: value }, i18n);
    }
    if (entry.change === 'lock' || entry.change === 'unlock') {
      return value === true
        ? i18n.t('policies.history.locked')
        : i18n.t('policies.history.unlocked');
    }
    if (value === null || value === undefined) {
      return i18n.t('policies.history.nothing');
    }
    return formatValue(props.policy, value, i18n);
  };
  const changeLabel = (change: string) => {
    const key = changeLabels[change];
    return key ? i18n.t(key) : change;
  };

  return (
    <Dialog
      title={i18n.t('policies.history.title', { policy: props.policy.label[i18n.locale()] })}
      onClose={props.onClose}
      isWide
    >
      <section class="dialog__section" aria-labelledby={headingId}>
        <h3 id={headingId} class="dialog__section-title">
          {i18n.t('policies.history.heading')}
        </h3>
        <Show when={history.error}>
          <ErrorNotice error={history.error} onRetry={() => void refetch()} />
        </Show>
        <Show when={history.loading}>
          <p class="muted" role="status">
            {i18n.t('common.loading')}
          </p>
        </Show>
        <Show
          when={rows().length > 0}
          fallback={
            <Show when={!history.loading && !history.error}>
              <p class="empty">{i18n.t('policies.history.empty')}</p>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table--stack">
              <caption class="visually-hidden">{i18n.t('policies.history.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('policies.history.when')}</th>
                  <th scope="col">{i18n.t('policies.history.who')}</th>
                  <th scope="col">{i18n.t('policies.history.portal')}</th>
                  <th scope="col">{i18n.t('policies.history.change')}</th>
                  <th scope="col">{i18n.t('policies.history.values')}</th>
                  <th scope="col">{i18n.t('policies.history.reason')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(entry) => (
                    <tr>
                      <th scope="row" data-label={i18n.t('policies.history.when')}>
                        {i18n.formatDateTime(entry.changedAt)}
                      </th>
                      <td data-label={i18n.t('policies.history.who')}>
                        {entry.changedBy?.displayName ?? '—'}
                      </td>
                      <td data-label={i18n.t('policies.history.portal')}>
                        {portalOf(entry.tenantId)}
                      </td>
                      <td data-label={i18n.t('policies.history.change')}>
                        {changeLabel(entry.change)}
                      </td>
                      <td data-label={i18n.t('policies.history.values')}>
                        <span class="policy-history__before">{describe(entry, 'before')}</span>
                        <span aria-hidden="true"> → </span>
                        <span class="visually-hidden"> {i18n.t('policies.history.to')} </span>
                        <span class="policy-history__after">{describe(entry, 'after')}</span>
                      </td>
                      <td data-label={i18n.t('policies.history.reason')}>{entry.reason}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <Show when={props.isBoardView}>
        <PolicyTenantsTable policy={props.policy} />
      </Show>
    </Dialog>
  );
}
