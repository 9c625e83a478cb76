import { For } from 'solid-js';

import { roleLabel } from '../access/role-labels.ts';
import { isBoardRole } from '../access/roles.ts';
import type { BoardUser } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { RoleBadges } from './RoleBadges.tsx';

export type BoardAccountsTableProps = {
  users: readonly BoardUser[];
  onOpen: (user: BoardUser) => void;
};

/** Every account of the platform with its board roles. */
export function BoardAccountsTable(props: BoardAccountsTableProps) {
  const { i18n } = useApp();

  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">{i18n.t('board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('members.person')}</th>
            <th scope="col">{i18n.t('board.roles')}</th>
            <th scope="col">{i18n.t('members.secondFactor')}</th>
            <th scope="col">{i18n.t('members.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.users}>
            {(user) => (
              <tr>
                <th scope="row" data-label={i18n.t('members.person')}>
                  <button
                    type="button"
                    class="link-button table__name"
                    onClick={() => props.onOpen(user)}
                  >
                    {user.displayName}
                  </button>
                  <span class="table__sub">{user.email}</span>
                </th>
                <td data-label={i18n.t('board.roles')}>
                  <RoleBadges
                    labels={user.boardRoles
                      .filter(isBoardRole)
                      .map((role) => roleLabel(role, i18n.t))}
                    emptyText={i18n.t('board.noRoles')}
                  />
                </td>
                <td data-label={i18n.t('members.secondFactor')}>
                  {user.hasSecondFactor
                    ? i18n.t('members.secondFactorOn')
                    : i18n.t('members.secondFactorOff')}
                </td>
                <td data-label={i18n.t('members.lastLogin')}>
                  {i18n.formatDateTime(user.lastLoginAt)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
