import { createSignal, Match, Switch, Show } from 'solid-js';

import { roleDescription, roleLabel } from '../access/role-labels.ts';
import { boardRoles, type BoardRole } from '../access/roles.ts';
import { describeError } from '../api/describe-error.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { Dialog } from './Dialog.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { OneTimeLink } from './OneTimeLink.tsx';
import { PersonFields } from './PersonFields.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { SubmitButton } from './SubmitButton.tsx';

type Created = { displayName: string; setupUrl: string };

export type AddBoardAccountDialogProps = {
  onAdded: () => void;
  onClose: () => void;
};

/** Creates an account with board roles and shows its one-time set-up link once. */
export function AddBoardAccountDialog(props: AddBoardAccountDialogProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: `${session.me()?.user.id}.add-board-account`,
    initial: { email: '', displayName: '', jobTitle: '', roles: [] as BoardRole[] },
  });
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [hasNoRole, setNoRole] = createSignal(false);
  const [created, setCreated] = createSignal<Created>();
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
            boardRoles: values.roles,
          },
        }),
      );
      draft.clear();
      setCreated({ displayName: result.user.displayName, setupUrl: result.setupUrl ?? '' });
      props.onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={i18n.t('board.addTitle')} onClose={props.onClose} isWide>
      <Switch>
        <Match when={created()}>
          {(result) => (
            <>
              <OneTimeLink
                url={result().setupUrl}
                label={i18n.t('addMember.linkLabel')}
                explanation={i18n.t('addMember.linkExplanation', { name: result().displayName })}
              />
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
              legend={i18n.t('board.rolesLegend')}
              roles={boardRoles}
              selected={draft.values.roles}
              onChange={(roles) => draft.setValues('roles', roles)}
              labelOf={(role) => roleLabel(role, i18n.t)}
              describe={(role) => roleDescription(role, i18n.t)}
              error={hasNoRole() ? i18n.t('addMember.chooseRole') : fieldMessages().boardRoles}
            />
            <Show when={error()}>
              <ErrorNotice error={error()} onRetry={() => void save()} isDraftKept />
            </Show>
            <div class="form__actions">
              <SubmitButton isBusy={isBusy()}>{i18n.t('board.addSubmit')}</SubmitButton>
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
