import { For, Show } from 'solid-js';

import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';
import { countColumns, type ComplianceSort, type SortKey } from './compliance-sort.ts';
import { formatWait } from './compliance-format.ts';
import type { TenantCompliance } from './types.ts';

export type ComplianceTableProps = {
  portals: readonly TenantCompliance[];
  sort: ComplianceSort | undefined;
  onSort: (key: SortKey) => void;
  onOpen: (portal: TenantCompliance) => void;
};

function sortMark(sort: ComplianceSort | undefined, key: SortKey): string {
  if (sort?.key !== key) {
    return '↕';
  }
  return sort.order === 'asc' ? '▲' : '▼';
}

function ariaSort(sort: ComplianceSort | undefined, key: SortKey) {
  if (sort?.key !== key) {
    return undefined;
  }
  return sort.order === 'asc' ? 'ascending' : 'descending';
}

/**
 * The portals with their figures, one row each. A column header's button sorts by that column,
 * and `aria-sort` names the order. A portal's name opens its details, as does a click on the row.
 */
export function ComplianceTable(props: ComplianceTableProps) {
  const { i18n } = useApp();
  const header = (key: SortKey, label: MessageKey) => (
    <th scope="col" aria-sort={ariaSort(props.sort, key)}>
      <button type="button" class="sort-button" onClick={() => props.onSort(key)}>
        {i18n.t(label)}
        <span class="sort-button__mark" aria-hidden="true">
          {sortMark(props.sort, key)}
        </span>
      </button>
    </th>
  );

  return (
    <div class="table-wrap">
      <table class="table table--stack compliance-table">
        <caption class="visually-hidden">{i18n.t('compliance.caption')}</caption>
        <thead>
          <tr>
            {header('tenant', 'compliance.column.tenant')}
            <For each={countColumns}>{(column) => header(column.key, column.label)}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.portals}>
            {(portal) => (
              <tr
                classList={{ 'compliance-table__row--problem': portal.counts.findings > 0 }}
                onClick={(event) => {
                  // The name's button handles its own click; this serves the rest of the row.
                  if (!(event.target as HTMLElement).closest('button')) {
                    props.onOpen(portal);
                  }
                }}
              >
                <th scope="row" data-label={i18n.t('compliance.column.tenant')}>
                  <button
                    type="button"
                    class="link-button table__name"
                    onClick={() => props.onOpen(portal)}
                  >
                    {portal.tenant.nameVi}
                  </button>
                  <span class="table__sub">{portal.tenant.slug}</span>
                </th>
                <For each={countColumns}>
                  {(column) => (
                    <td class="numeric" data-label={i18n.t(column.label)}>
                      {portal.counts[column.key]}
                      <Show
                        when={column.key === 'pendingReviews' && portal.pendingReviews.length > 0}
                      >
                        <span class="table__sub">
                          {i18n.t('compliance.oldestWait', {
                            age: formatWait(
                              Math.max(...portal.pendingReviews.map((item) => item.hoursWaiting)),
                              i18n.t,
                            ),
                          })}
                        </span>
                      </Show>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
