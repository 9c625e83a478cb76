import { createSignal, Show } from 'solid-js';

import { canOnPlatform } from '../access/access.ts';
import { roleDescription, roleLabel } from '../access/role-labels.ts';
import { boardRoles, isBoardRole } from '../access/roles.ts';
import type { BoardUser } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { AccountActions } from './AccountActions.tsx';
import { Dialog } from './Dialog.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { SubmitButton } from './SubmitButton.tsx';

export type BoardAccountDialogProps = {
  user: BoardUser;
  onChanged: () => void;
  onClose: () => void;
};

/** One account seen by the board: its board roles and account help. */
export function BoardAccountDialog(props: BoardAccountDialogProps) {
  const { api, session, i18n } = useApp();
  const may = (action: Parameters<typeof canOnPlatform>[1]) => canOnPlatform(session.me(), action);
  const draft = createDraft({
    key: `${session.me()?.user.id}.board-roles.${props.user.id}`,
    initial: { roles: props.user.boardRoles.filter(isBoardRole) },
  });
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [savedNote, setSavedNote] = createSignal('');

  const save = async () => {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    setSavedNote('');
    try {
      await api.call(
        api.client.PUT('/users/{userId}/board-roles', {
          params: { path: { userId: props.user.id } },
          body: { roles: draftSnapshot(draft).roles },
        }),
      );
      draft.commit();
      setSavedNote(i18n.t('member.rolesSaved'));
      props.onChanged();
      // A change to one's own roles changes what the admin may show.
      if (props.user.id === session.me()?.user.id) {
        await session.refresh();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={props.user.displayName} onClose={props.onClose} isWide>
      <PersonDetails person={props.user} />
      <Show when={may('board_role.manage')}>
        <section class="dialog__section">
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
            <RoleCheckboxes
              legend={i18n.t('board.rolesLegend')}
              roles={boardRoles}
              selected={draft.values.roles}
              onChange={(roles) => draft.setValues('roles', roles)}
              labelOf={(role) => roleLabel(role, i18n.t)}
              describe={(role) => roleDescription(role, i18n.t)}
            />
            <Show when={error()}>
              <ErrorNotice error={error()} onRetry={() => void save()} isDraftKept />
            </Show>
            <div class="form__actions">
              <SubmitButton isBusy={isBusy()}>{i18n.t('board.saveRoles')}</SubmitButton>
              <span role="status" class="muted">
                {savedNote()}
              </span>
            </div>
          </form>
        </section>
      </Show>
      <AccountActions
        userId={props.user.id}
        displayName={props.user.displayName}
        canIssueReset={may('user.manage')}
        canRevokeSessions={may('session.revoke')}
      />
    </Dialog>
  );
}
