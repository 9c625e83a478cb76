import { createMemo, createResource, createSignal, Show } from 'solid-js';

import { canOnTenant } from '../access/access.ts';
import type { Member } from '../api/client.ts';
import { AddMemberDialog } from '../components/AddMemberDialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { MemberDialog } from '../components/MemberDialog.tsx';
import { MembersTable } from '../components/MembersTable.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { foldForSearch } from '../stores/create-tenant-scope.ts';

/** The people of the current portal and their roles, for its unit admins and the board. */
export default function Members() {
  const { api, session, scope, i18n } = useApp();
  const tenant = () => scope.current();
  const [members, { refetch }] = createResource(
    () => tenant()?.id,
    async (tenantId) => {
      const result = await api.call(api.client.GET('/users', { params: { query: { tenantId } } }));
      return result.users.filter((user): user is Member => 'roles' in user);
    },
  );
  const [query, setQuery] = createSignal('');
  const [openId, setOpenId] = createSignal<string>();
  const [isAdding, setAdding] = createSignal(false);
  // `latest` keeps the table in place during a refetch instead of suspending the page.
  const list = () => (members.error ? [] : (members.latest ?? []));
  const shown = createMemo(() => {
    const folded = foldForSearch(query().trim());
    return list().filter((member) =>
      foldForSearch(`${member.displayName} ${member.email} ${member.jobTitle ?? ''}`).includes(
        folded,
      ),
    );
  });
  const openMember = () => list().find((member) => member.id === openId());
  const mayAdd = () => canOnTenant(session.me(), 'membership.manage', tenant());

  return (
    <>
      <PageHeading
        title={i18n.t('members.title')}
        description={
          tenant()
            ? i18n.t('members.intro', { portal: tenantName(tenant()!, i18n.locale()) })
            : undefined
        }
        actions={
          <Show when={mayAdd()}>
            <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
              {i18n.t('members.add')}
            </button>
          </Show>
        }
      />
      <Show when={members.error}>
        <ErrorNotice error={members.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <div class="toolbar">
          <TextField
            label={i18n.t('members.filter')}
            type="search"
            value={query()}
            onInput={setQuery}
            autocomplete="off"
          />
          <p class="muted toolbar__count" role="status">
            {members.loading
              ? i18n.t('common.loading')
              : i18n.t('members.count', { count: shown().length, total: list().length })}
          </p>
        </div>
        <Show
          when={shown().length > 0}
          fallback={
            <Show when={!members.loading && !members.error}>
              <p class="empty">
                {list().length === 0 ? i18n.t('members.empty') : i18n.t('members.noMatch')}
              </p>
            </Show>
          }
        >
          <MembersTable members={shown()} onOpen={(member) => setOpenId(member.id)} />
        </Show>
      </section>
      <Show
        when={openMember() && tenant() ? { member: openMember()!, tenant: tenant()! } : undefined}
      >
        {(open) => (
          <MemberDialog
            member={open().member}
            tenant={open().tenant}
            onChanged={() => void refetch()}
            onClose={() => setOpenId(undefined)}
          />
        )}
      </Show>
      <Show when={isAdding() && tenant()}>
        {(current) => (
          <AddMemberDialog
            tenant={current()}
            onAdded={() => void refetch()}
            onClose={() => setAdding(false)}
          />
        )}
      </Show>
    </>
  );
}
