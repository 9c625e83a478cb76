import { createSignal, Match, Show, Switch } from 'solid-js';

import { roleDescription, roleLabel } from '../access/role-labels.ts';
import { tenantRoles, type TenantRole } from '../access/roles.ts';
import { describeError } from '../api/describe-error.ts';
import type { Tenant } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { Dialog } from './Dialog.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { OneTimeLink } from './OneTimeLink.tsx';
import { PersonFields } from './PersonFields.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { SubmitButton } from './SubmitButton.tsx';
import { tenantName } from './tenant-name.ts';

type Added = { displayName: string; setupUrl: string | null };

export type AddMemberDialogProps = {
  tenant: Tenant;
  onAdded: () => void;
  onClose: () => void;
};

/**
 * Adds a person to a portal with roles. A new account's one-time set-up link is shown once;
 * what was typed stays in a draft until the server accepts it.
 */
export function AddMemberDialog(props: AddMemberDialogProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: `${session.me()?.user.id}.add-member.${props.tenant.id}`,
    initial: { email: '', displayName: '', jobTitle: '', roles: [] as TenantRole[] },
  });
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [hasNoRole, setNoRole] = createSignal(false);
  const [added, setAdded] = createSignal<Added>();
  const fieldMessages = () => (error() ? describeError(error(), i18n.t).fieldMessages : {});

  const save = async () => {
    if (isBusy()) {
      return;
    }
    setNoRole(draft.values.roles.length === 0);
    if (hasNoRole()) {
      return;
    }
    const values = draftSnapshot(draft);
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.call(
        api.client.POST('/users', {
          body: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            ...(values.jobTitle.trim() ? { jobTitle: values.jobTitle.trim() } : {}),
            tenantId: props.tenant.id,
            roles: values.roles,
          },
        }),
      );
      draft.clear();
      setAdded({ displayName: result.user.displayName, setupUrl: result.setupUrl });
      props.onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={i18n.t('addMember.title', { portal: tenantName(props.tenant, i18n.locale()) })}
      onClose={props.onClose}
      isWide
    >
      <Switch>
        <Match when={added()}>
          {(result) => (
            <>
              <Show
                when={result().setupUrl}
                fallback={
                  <p role="status">
                    {i18n.t('addMember.existing', { name: result().displayName })}
                  </p>
                }
              >
                {(url) => (
                  <OneTimeLink
                    url={url()}
                    label={i18n.t('addMember.linkLabel')}
                    explanation={i18n.t('addMember.linkExplanation', {
                      name: result().displayName,
                    })}
                  />
                )}
              </Show>
              <div class="form__actions">
                <button
                  type="button"
                  class="button button--primary"
                  onClick={() => props.onClose()}
                >
                  {i18n.t('common.done')}
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={true}>
          <form
            class="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <Show when={draft.wasRestored()}>
              <DraftNotice onDiscard={() => draft.clear()} />
            </Show>
            <PersonFields
              values={draft.values}
              onChange={(field, value) => draft.setValues(field, value)}
              fieldMessages={fieldMessages()}
            />
            <RoleCheckboxes
              legend={i18n.t('addMember.roles')}
              roles={tenantRoles}
              selected={draft.values.roles}
              onChange={(roles) => draft.setValues('roles', roles)}
              labelOf={(role) => roleLabel(role, i18n.t)}
              describe={(role) => roleDescription(role, i18n.t)}
              error={hasNoRole() ? i18n.t('addMember.chooseRole') : fieldMessages().roles}
            />
            <Show when={error()}>
              <ErrorNotice error={error()} onRetry={() => void save()} isDraftKept />
            </Show>
            <div class="form__actions">
              <SubmitButton isBusy={isBusy()}>{i18n.t('addMember.submit')}</SubmitButton>
              <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
                {i18n.t('common.cancel')}
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </Dialog>
  );
}
