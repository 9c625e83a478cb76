import { Show } from 'solid-js';

import type { ListedUser } from '../api/client.ts';
import { useApp } from '../stores/app-context.tsx';

/** A person's account facts, as a description list. */
export function PersonDetails(props: { person: ListedUser }) {
  const { i18n } = useApp();

  return (
    <dl class="details">
      <div>
        <dt>{i18n.t('person.email')}</dt>
        <dd>{props.person.email}</dd>
      </div>
      <Show when={props.person.jobTitle}>
        <div>
          <dt>{i18n.t('person.jobTitle')}</dt>
          <dd>{props.person.jobTitle}</dd>
        </div>
      </Show>
      <div>
        <dt>{i18n.t('person.status')}</dt>
        <dd>
          {props.person.status === 'active' ? i18n.t('person.active') : i18n.t('members.disabled')}
        </dd>
      </div>
      <div>
        <dt>{i18n.t('members.secondFactor')}</dt>
        <dd>
          {props.person.hasSecondFactor
            ? i18n.t('members.secondFactorOn')
            : i18n.t('members.secondFactorOff')}
        </dd>
      </div>
      <div>
        <dt>{i18n.t('members.lastLogin')}</dt>
        <dd>{i18n.formatDateTime(props.person.lastLoginAt)}</dd>
      </div>
    </dl>
  );
}
