import { createMemo, createResource, createSignal, Show } from 'solid-js';

import { canOnPlatform } from '../access/access.ts';
import type { BoardUser } from '../api/client.ts';
import { AddBoardAccountDialog } from '../components/AddBoardAccountDialog.tsx';
import { BoardAccountDialog } from '../components/BoardAccountDialog.tsx';
import { BoardAccountsTable } from '../components/BoardAccountsTable.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { foldForSearch } from '../stores/create-tenant-scope.ts';

type Scope = 'all' | 'board' | 'others';

/** Every account of the platform, where the board grants and withdraws board roles. */
export default function BoardAccounts() {
  const { api, session, i18n } = useApp();
  const [users, { refetch }] = createResource(async () => {
    const result = await api.call(api.client.GET('/users'));
    return result.users.filter((user): user is BoardUser => 'boardRoles' in user);
  });
  const [query, setQuery] = createSignal('');
  const [scope, setScope] = createSignal<Scope>('all');
  const [openId, setOpenId] = createSignal<string>();
  const [isAdding, setAdding] = createSignal(false);
  const list = () => (users.error ? [] : (users.latest ?? []));
  const shown = createMemo(() => {
    const folded = foldForSearch(query().trim());
    return list().filter((user) => {
      const isBoard = user.boardRoles.length > 0;
      if ((scope() === 'board' && !isBoard) || (scope() === 'others' && isBoard)) {
        return false;
      }
      return foldForSearch(`${user.displayName} ${user.email}`).includes(folded);
    });
  });
  const openUser = () => list().find((user) => user.id === openId());

  return (
    <>
      <PageHeading
        title={i18n.t('board.title')}
        description={i18n.t('board.intro')}
        actions={
          <Show when={canOnPlatform(session.me(), 'board_role.manage')}>
            <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
              {i18n.t('board.add')}
            </button>
          </Show>
        }
      />
      <Show when={users.error}>
        <ErrorNotice error={users.error} onRetry={() => void refetch()} />
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
          <div class="field">
            <label class="field__label" for="board-scope">
              {i18n.t('board.scope')}
            </label>
            <select
              id="board-scope"
              class="field__input"
              value={scope()}
              onChange={(event) => setScope(event.currentTarget.value as Scope)}
            >
              <option value="all">{i18n.t('board.scopeAll')}</option>
              <option value="board">{i18n.t('board.scopeBoard')}</option>
              <option value="others">{i18n.t('board.scopeOthers')}</option>
            </select>
          </div>
          <p class="muted toolbar__count" role="status">
            {users.loading
              ? i18n.t('common.loading')
              : i18n.t('members.count', { count: shown().length, total: list().length })}
          </p>
        </div>
        <Show
          when={shown().length > 0}
          fallback={
            <Show when={!users.loading && !users.error}>
              <p class="empty">{i18n.t('members.noMatch')}</p>
            </Show>
          }
        >
          <BoardAccountsTable users={shown()} onOpen={(user) => setOpenId(user.id)} />
        </Show>
      </section>
      <Show when={openUser()}>
        {(user) => (
          <BoardAccountDialog
            user={user()}
            onChanged={() => void refetch()}
            onClose={() => setOpenId(undefined)}
          />
        )}
      </Show>
      <Show when={isAdding()}>
        <AddBoardAccountDialog onAdded={() => void refetch()} onClose={() => setAdding(false)} />
      </Show>
    </>
  );
}
