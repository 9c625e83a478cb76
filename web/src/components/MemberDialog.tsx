import { createSignal, Show } from 'solid-js';

import { canOnTenant } from '../access/access.ts';
import { roleDescription, roleLabel } from '../access/role-labels.ts';
import { tenantRoles } from '../access/roles.ts';
import type { Member, Tenant } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { AccountActions } from './AccountActions.tsx';
import { Dialog } from './Dialog.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { SubmitButton } from './SubmitButton.tsx';

export type MemberDialogProps = {
  member: Member;
  tenant: Tenant;
  /** Called after a change the list must show: new roles, or the person removed. */
  onChanged: () => void;
  onClose: () => void;
};

/** One member of a portal: details, roles, account help and removal, as far as allowed. */
export function MemberDialog(props: MemberDialogProps) {
  const { api, session, i18n } = useApp();
  const may = (action: Parameters<typeof canOnTenant>[1]) =>
    canOnTenant(session.me(), action, props.tenant);
  const draft = createDraft({
    key: `${session.me()?.user.id}.member-roles.${props.tenant.id}.${props.member.id}`,
    initial: { roles: [...props.member.roles] },
  });
  const [busy, setBusy] = createSignal<'roles' | 'remove'>();
  const [error, setError] = createSignal<{ action: 'roles' | 'remove'; failure: unknown }>();
  const [hasNoRole, setNoRole] = createSignal(false);
  const [isConfirmingRemoval, setConfirmingRemoval] = createSignal(false);
  const [savedNote, setSavedNote] = createSignal('');

  const putRoles = async (roles: Member['roles']) => {
    await api.call(
      api.client.PUT('/users/{userId}/memberships/{tenantId}', {
        params: { path: { userId: props.member.id, tenantId: props.tenant.id } },
        body: { roles },
      }),
    );
    // A change to one's own roles changes what the admin may show.
    if (props.member.id === session.me()?.user.id) {
      await session.refresh();
    }
  };

  const saveRoles = async () => {
    if (busy()) {
      return;
    }
    const { roles } = draftSnapshot(draft);
    setNoRole(roles.length === 0);
    if (hasNoRole()) {
      return;
    }
    setBusy('roles');
    setError(undefined);
    setSavedNote('');
    try {
      await putRoles(roles);
      draft.commit();
      setSavedNote(i18n.t('member.rolesSaved'));
      props.onChanged();
    } catch (failure) {
      setError({ action: 'roles', failure });
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async () => {
    setBusy('remove');
    setError(undefined);
    try {
      await putRoles([]);
      draft.clear();
      props.onChanged();
      props.onClose();
    } catch (failure) {
      setError({ action: 'remove', failure });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Dialog title={props.member.displayName} onClose={props.onClose} isWide>
      <PersonDetails person={props.member} />
      <Show when={may('membership.manage')}>
        <section class="dialog__section">
          <form
            class="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void saveRoles();
            }}
          >
            <Show when={draft.wasRestored()}>
              <DraftNotice onDiscard={() => draft.clear()} />
            </Show>
            <RoleCheckboxes
              legend={i18n.t('member.rolesLegend')}
              roles={tenantRoles}
              selected={draft.values.roles}
              onChange={(roles) => draft.setValues('roles', roles)}
              labelOf={(role) => roleLabel(role, i18n.t)}
              describe={(role) => roleDescription(role, i18n.t)}
              error={hasNoRole() ? i18n.t('member.keepOneRole') : undefined}
            />
            <div class="form__actions">
              <SubmitButton isBusy={busy() === 'roles'}>{i18n.t('member.saveRoles')}</SubmitButton>
              <span role="status" class="muted">
                {savedNote()}
              </span>
            </div>
          </form>
        </section>
      </Show>
      <AccountActions
        userId={props.member.id}
        displayName={props.member.displayName}
        tenantId={props.tenant.id}
        canIssueReset={may('user.manage')}
        canRevokeSessions={may('session.revoke')}
      />
      <Show when={error()}>
        {(current) => (
          <ErrorNotice
            error={current().failure}
            isDraftKept={current().action === 'roles'}
            onRetry={() => void (current().action === 'roles' ? saveRoles() : remove())}
          />
        )}
      </Show>
      <Show when={may('membership.manage')}>
        <section class="dialog__section dialog__section--danger">
          <h3 class="dialog__section-title">{i18n.t('member.removeTitle')}</h3>
          <Show
            when={isConfirmingRemoval()}
            fallback={
              <>
                <p class="muted">{i18n.t('member.removeText')}</p>
                <button
                  type="button"
                  class="button button--danger-outline"
                  onClick={() => setConfirmingRemoval(true)}
                >
                  {i18n.t('member.remove')}
                </button>
              </>
            }
          >
            <p>{i18n.t('member.removeConfirm', { name: props.member.displayName })}</p>
            <div class="form__actions">
              <SubmitButton
                type="button"
                variant="danger"
                isBusy={busy() === 'remove'}
                busyLabel={i18n.t('member.removing')}
                onClick={() => void remove()}
              >
                {i18n.t('member.removeYes')}
              </SubmitButton>
              <button
                type="button"
                class="button button--quiet"
                onClick={() => setConfirmingRemoval(false)}
              >
                {i18n.t('common.cancel')}
              </button>
            </div>
          </Show>
        </section>
      </Show>
    </Dialog>
  );
}
