import { For, Show, type JSX } from 'solid-js';

import { roleLabel } from '../access/role-labels.ts';
import { isBoardRole, isTenantRole } from '../access/roles.ts';
import { Dialog } from '../components/Dialog.tsx';
import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';
import { formatWait } from './compliance-format.ts';
import type { Policy, TenantCompliance } from './types.ts';

export type ComplianceDetailsDialogProps = {
  portal: TenantCompliance;
  /** Policies for their names and the footer fields' labels; empty while they load. */
  policies: readonly Policy[];
  onClose: () => void;
};

function Finding<T>(props: {
  title: MessageKey;
  items: readonly T[];
  children: (item: T) => JSX.Element;
}) {
  const { i18n } = useApp();

  return (
    <section class="dialog__section compliance-finding">
      <h3 class="dialog__section-title">
        {i18n.t(props.title)} <span class="badge">{props.items.length}</span>
      </h3>
      <Show
        when={props.items.length > 0}
        fallback={<p class="muted">{i18n.t('compliance.none')}</p>}
      >
        <ul class="compliance-finding__list">
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}

/** One portal's findings in full: what is missing, late, waiting or out of date, and who. */
export function ComplianceDetailsDialog(props: ComplianceDetailsDialogProps) {
  const { i18n } = useApp();
  const operatorLabel = (path: string) => {
    const footer = props.policies.find((policy) => policy.key === 'site.required_operator_fields');
    return footer?.options?.find((option) => option.value === path)?.label[i18n.locale()] ?? path;
  };
  const policyName = (key: string) =>
    props.policies.find((policy) => policy.key === key)?.label[i18n.locale()] ?? key;
  const roleName = (role: string) =>
    isTenantRole(role) || isBoardRole(role) ? roleLabel(role, i18n.t) : role;
  const title = (item: { titleVi: string | null; slug: string }) => item.titleVi ?? item.slug;
  const { portal } = props;

  return (
    <Dialog
      title={portal.tenant.nameVi}
      description={i18n.t('compliance.details.intro', { count: portal.counts.findings })}
      onClose={props.onClose}
      isWide
    >
      <Finding title="compliance.column.missingCategories" items={portal.missingCategories}>
        {(category) => (i18n.locale() === 'en' ? category.nameEn : category.nameVi)}
      </Finding>
      <Finding title="compliance.column.missingOperatorFields" items={portal.missingOperatorFields}>
        {(path) => operatorLabel(path)}
      </Finding>
      <Finding title="compliance.column.overdueItems" items={portal.overdueItems}>
        {(item) => (
          <>
            <span class="table__name">{title(item)}</span>
            <span class="table__sub">
              {i18n.t('compliance.details.dueAt', {
                due: i18n.formatDateTime(item.dueAt),
                late: formatWait(item.hoursOverdue, i18n.t),
              })}
            </span>
          </>
        )}
      </Finding>
      <Finding title="compliance.column.pendingReviews" items={portal.pendingReviews}>
        {(item) => (
          <>
            <span class="table__name">{title(item)}</span>
            <span class="table__sub">
              {i18n.t('compliance.details.waiting', {
                since: i18n.formatDateTime(item.waitingSince),
                age: formatWait(item.hoursWaiting, i18n.t),
              })}
            </span>
          </>
        )}
      </Finding>
      <Finding title="compliance.column.overdueFeedback" items={portal.overdueFeedback}>
        {(feedback) => (
          <>
            <span class="table__name">{feedback.subject}</span>
            <span class="table__sub">
              {i18n.t('compliance.details.feedbackLate', {
                due: i18n.formatDateTime(feedback.dueAt),
                days: feedback.daysOverdue,
              })}
            </span>
          </>
        )}
      </Finding>
      <Finding title="compliance.column.stalePages" items={portal.stalePages}>
        {(page) => (
          <>
            <span class="table__name">{title(page)}</span>
            <span class="table__sub">
              {i18n.t('compliance.details.stale', { days: page.daysSinceUpdate })}
            </span>
          </>
        )}
      </Finding>
      <Finding
        title="compliance.column.usersWithoutSecondFactor"
        items={portal.usersWithoutSecondFactor}
      >
        {(user) => (
          <>
            <span class="table__name">{user.displayName}</span>
            <span class="table__sub">{user.roles.map(roleName).join(', ')}</span>
          </>
        )}
      </Finding>
      <Finding title="compliance.details.overrides" items={portal.overrides}>
        {(override) => (
          <>
            <span class="table__name">{policyName(override.key)}</span>
            <span class="table__sub">
              {i18n.t(`policies.override.status.${override.status}`)}
              <Show when={override.problem}>
                {' '}
                <span lang="en">({override.problem})</span>
              </Show>
            </span>
          </>
        )}
      </Finding>
    </Dialog>
  );
}
