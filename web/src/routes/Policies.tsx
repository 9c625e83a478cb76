import { createMemo, createResource, createSignal, For, Show } from 'solid-js';

import { canOnPlatform, canOnTenant } from '../access/access.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { BoardPolicyDialog } from '../policies/BoardPolicyDialog.tsx';
import { OverrideDialog } from '../policies/OverrideDialog.tsx';
import { PolicyCard } from '../policies/PolicyCard.tsx';
import { groupPolicies } from '../policies/policy-groups.ts';
import { PolicyHistoryDialog } from '../policies/PolicyHistoryDialog.tsx';
import type { Policy } from '../policies/types.ts';
import { useApp } from '../stores/app-context.tsx';
import '../styles/policies.css';

type OpenDialog = { kind: 'default' | 'override' | 'history'; key: string };

/**
 * Shows every board policy with the value in force for the current portal and its source.
 * Board leaders change the defaults, bounds and locks; unit admins tighten a policy for their
 * portal within the allowed range.
 */
export default function Policies() {
  const { api, session, scope, i18n } = useApp();
  const tenant = () => scope.current();
  const isBoardView = () => canOnPlatform(session.me(), 'policy.read');
  // Waits for the portal list, so a unit admin never asks for the board's values, which only
  // the board may read.
  const query = () => {
    if (!scope.list()) {
      return undefined;
    }
    const tenantId = tenant()?.id;
    return tenantId || isBoardView() ? { tenantId } : undefined;
  };
  const [policies, { refetch }] = createResource(query, async ({ tenantId }) => {
    const result = await api.call(
      api.client.GET('/policies', { params: { query: tenantId ? { tenantId } : {} } }),
    );
    return result.policies;
  });
  const [open, setOpen] = createSignal<OpenDialog>();
  const list = () => (policies.error ? [] : (policies.latest ?? []));
  const groups = createMemo(() => groupPolicies(list()));
  const openPolicy = () => list().find((policy) => policy.key === open()?.key);
  const canManageDefault = () => canOnPlatform(session.me(), 'policy.manage_default');
  // An override of a policy locked since stays removable.
  const canOverride = (policy: Policy) =>
    (policy.isOverridable || policy.override !== null) &&
    canOnTenant(session.me(), 'policy.override', tenant());
  const portalName = () => (tenant() ? tenantName(tenant()!, i18n.locale()) : undefined);

  return (
    <>
      <PageHeading
        title={i18n.t('policies.title')}
        description={
          portalName()
            ? i18n.t('policies.intro', { portal: portalName()! })
            : i18n.t('policies.introBoard')
        }
      />
      <Show when={policies.error}>
        <ErrorNotice error={policies.error} onRetry={() => void refetch()} />
      </Show>
      <Show when={policies.loading && list().length === 0}>
        <p class="muted" role="status">
          {i18n.t('common.loading')}
        </p>
      </Show>
      <For each={groups()}>
        {(group) => (
          <section
            id={`policy-group-${group.id}`}
            class="panel policy-group"
            aria-labelledby={`policy-group-${group.id}-title`}
          >
            <h2 id={`policy-group-${group.id}-title`} class="panel__title">
              {i18n.t(group.title)}
            </h2>
            <p class="muted">{i18n.t(group.description)}</p>
            <div class="policy-group__list">
              <For each={group.policies}>
                {(policy) => (
                  <PolicyCard
                    policy={policy}
                    portalName={portalName()}
                    canManageDefault={canManageDefault()}
                    canOverride={canOverride(policy)}
                    onEditDefault={() => setOpen({ kind: 'default', key: policy.key })}
                    onOverride={() => setOpen({ kind: 'override', key: policy.key })}
                    onHistory={() => setOpen({ kind: 'history', key: policy.key })}
                  />
                )}
              </For>
            </div>
          </section>
        )}
      </For>
      <Show when={open()?.kind === 'default' && openPolicy()}>
        {(policy) => (
          <BoardPolicyDialog
            policy={policy()}
            onSaved={() => void refetch()}
            onClose={() => setOpen(undefined)}
          />
        )}
      </Show>
      <Show when={open()?.kind === 'override' && tenant() && openPolicy()}>
        {(policy) => (
          <OverrideDialog
            policy={policy()}
            tenant={tenant()!}
            onSaved={() => void refetch()}
            onClose={() => setOpen(undefined)}
          />
        )}
      </Show>
      <Show when={open()?.kind === 'history' && openPolicy()}>
        {(policy) => (
          <PolicyHistoryDialog
            policy={policy()}
            tenant={tenant()}
            isBoardView={isBoardView()}
            onClose={() => setOpen(undefined)}
          />
        )}
      </Show>
    </>
  );
}
