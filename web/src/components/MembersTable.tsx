import { For, Show } from 'solid-js';

import { roleLabel } from '../access/role-labels.ts';
import type { Member } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';
import { RoleBadges } from './RoleBadges.tsx';

export type MembersTableProps = {
  members: readonly Member[];
  onOpen: (member: Member) => void;
};

/** The people of a portal; a name opens that person's details and actions. */
export function MembersTable(props: MembersTableProps) {
  const { i18n } = useApp();

  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">{i18n.t('members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('members.person')}</th>
            <th scope="col">{i18n.t('members.roles')}</th>
            <th scope="col">{i18n.t('members.secondFactor')}</th>
            <th scope="col">{i18n.t('members.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.members}>
            {(member) => (
              <tr>
                <th scope="row" data-label={i18n.t('members.person')}>
                  <button
                    type="button"
                    class="link-button table__name"
                    onClick={() => props.onOpen(member)}
                  >
                    {member.displayName}
                  </button>
                  <span class="table__sub">{member.email}</span>
                  <Show when={member.jobTitle}>
                    <span class="table__sub">{member.jobTitle}</span>
                  </Show>
                  <Show when={member.status === 'disabled'}>
                    <span class="badge badge--warning">{i18n.t('members.disabled')}</span>
                  </Show>
                </th>
                <td data-label={i18n.t('members.roles')}>
                  <RoleBadges
                    labels={member.roles.map((role) => roleLabel(role, i18n.t))}
                    emptyText={i18n.t('members.noRoles')}
                  />
                </td>
                <td data-label={i18n.t('members.secondFactor')}>
                  {member.hasSecondFactor
                    ? i18n.t('members.secondFactorOn')
                    : i18n.t('members.secondFactorOff')}
                </td>
                <td data-label={i18n.t('members.lastLogin')}>
                  {i18n.formatDateTime(member.lastLoginAt)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
