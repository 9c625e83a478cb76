import { createMemo, createResource, createSignal, For, Show } from 'solid-js';

import { canOnPlatform } from '../access/access.ts';
import { roleLabel } from '../access/role-labels.ts';
import { isBoardRole } from '../access/roles.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TextField } from '../components/TextField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { ComplianceCharts } from '../policies/ComplianceCharts.tsx';
import { ComplianceDetailsDialog } from '../policies/ComplianceDetailsDialog.tsx';
import { ComplianceSortSelect } from '../policies/ComplianceSortSelect.tsx';
import { ComplianceTable } from '../policies/ComplianceTable.tsx';
import { nextSort, sortPortals, type ComplianceSort } from '../policies/compliance-sort.ts';
import { useApp } from '../stores/app-context.tsx';
import { foldForSearch } from '../stores/create-tenant-scope.ts';
import '../styles/policies.css';

/**
 * Shows what each portal falls short of under the policies in force for it: every portal for
 * the board, the current one for a unit. The table sorts by any column, and the CSV export
 * follows the same order.
 */
export default function Compliance() {
  const { api, session, scope, i18n } = useApp();
  const isBoardView = () => canOnPlatform(session.me(), 'compliance.read');
  const tenantId = () => (isBoardView() ? undefined : scope.current()?.id);
  const [overview, { refetch }] = createResource(
    () => (isBoardView() || tenantId() ? { tenantId: tenantId() } : undefined),
    async (query) => {
      const result = await api.call(
        api.client.GET('/compliance', {
          params: { query: query.tenantId ? { tenantId: query.tenantId } : {} },
        }),
      );
      return result;
    },
  );
  // Policy names and footer-field labels for the details; the details work without them.
  const [policies] = createResource(
    () => (isBoardView() || tenantId() ? { tenantId: tenantId() } : undefined),
    async (query) => {
      const result = await api.call(
        api.client.GET('/policies', {
          params: { query: query.tenantId ? { tenantId: query.tenantId } : {} },
        }),
      );
      return result.policies;
    },
  );
  const [search, setSearch] = createSignal('');
  const [onlyProblems, setOnlyProblems] = createSignal(false);
  const [sort, setSort] = createSignal<ComplianceSort>();
  const [openId, setOpenId] = createSignal<string>();

  const portals = () => (overview.error ? [] : (overview.latest?.tenants ?? []));
  const shown = createMemo(() => {
    const folded = foldForSearch(search().trim());
    const matching = portals().filter(
      (portal) =>
        foldForSearch(`${portal.tenant.nameVi} ${portal.tenant.slug}`).includes(folded) &&
        (!onlyProblems() || portal.counts.findings > 0),
    );
    return sortPortals(matching, sort());
  });
  const openPortal = () => portals().find((portal) => portal.tenant.id === openId());
  const boardUsers = () => overview.latest?.board?.usersWithoutSecondFactor ?? [];
  const csvHref = () => {
    const query = new URLSearchParams();
    if (tenantId()) {
      query.set('tenantId', tenantId()!);
    }
    const current = sort();
    // The CSV lists portals in their own order when the table sorts by name.
    if (current && current.key !== 'tenant') {
      query.set('sort', current.key);
      query.set('order', current.order);
    }
    const text = query.toString();
    return `/api/admin/compliance.csv${text ? `?${text}` : ''}`;
  };
  const description = () => {
    const current = scope.current();
    if (isBoardView() || !current) {
      return i18n.t('compliance.introBoard');
    }
    return i18n.t('compliance.intro', { portal: tenantName(current, i18n.locale()) });
  };

  return (
    <>
      <PageHeading
        title={i18n.t('compliance.title')}
        description={description()}
        actions={
          <a class="button button--secondary" href={csvHref()} download="">
            {i18n.t('compliance.csv')}
          </a>
        }
      />
      <Show when={overview.error}>
        <ErrorNotice error={overview.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel" aria-labelledby="compliance-table-title">
        <h2 id="compliance-table-title" class="panel__title">
          {i18n.t('compliance.tableTitle')}
        </h2>
        <div class="toolbar" role="search" aria-label={i18n.t('compliance.filters')}>
          <Show when={portals().length > 1}>
            <TextField
              label={i18n.t('compliance.search')}
              type="search"
              value={search()}
              onInput={setSearch}
              autocomplete="off"
            />
            <label class="checkbox compliance__only-problems">
              <input
                type="checkbox"
                checked={onlyProblems()}
                onChange={(event) => setOnlyProblems(event.currentTarget.checked)}
              />
              <span>{i18n.t('compliance.onlyProblems')}</span>
            </label>
          </Show>
          <ComplianceSortSelect sort={sort()} onChange={setSort} />
          <p class="muted toolbar__count" role="status">
            {overview.loading
              ? i18n.t('common.loading')
              : i18n.t('compliance.count', { count: shown().length, total: portals().length })}
          </p>
        </div>
        <Show
          when={shown().length > 0}
          fallback={
            <Show when={!overview.loading && !overview.error}>
              <p class="empty">{i18n.t('compliance.noMatch')}</p>
            </Show>
          }
        >
          <ComplianceTable
            portals={shown()}
            sort={sort()}
            onSort={(key) => setSort(nextSort(sort(), key))}
            onOpen={(portal) => setOpenId(portal.tenant.id)}
          />
        </Show>
        <Show when={overview.latest}>
          {(loaded) => (
            <p class="muted compliance__generated">
              {i18n.t('compliance.generatedAt', { at: i18n.formatDateTime(loaded().generatedAt) })}
            </p>
          )}
        </Show>
      </section>
      <Show when={shown().length > 0}>
        <ComplianceCharts portals={shown()} />
      </Show>
      <Show when={overview.latest?.board}>
        <section class="panel" aria-labelledby="compliance-board-title">
          <h2 id="compliance-board-title" class="panel__title">
            {i18n.t('compliance.board.title')}
          </h2>
          <Show
            when={boardUsers().length > 0}
            fallback={<p class="muted">{i18n.t('compliance.board.allEnrolled')}</p>}
          >
            <ul class="compliance-finding__list">
              <For each={boardUsers()}>
                {(user) => (
                  <li>
                    <span class="table__name">{user.displayName}</span>
                    <span class="table__sub">
                      {user.roles
                        .map((role) => (isBoardRole(role) ? roleLabel(role, i18n.t) : role))
                        .join(', ')}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
      <Show when={openPortal()}>
        {(portal) => (
          <ComplianceDetailsDialog
            portal={portal()}
            policies={policies.error ? [] : (policies.latest ?? [])}
            onClose={() => setOpenId(undefined)}
          />
        )}
      </Show>
    </>
  );
}
