import { createUniqueId, For } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { countColumns, type ComplianceSort, type SortKey } from './compliance-sort.ts';

export type ComplianceSortSelectProps = {
  sort: ComplianceSort | undefined;
  onChange: (sort: ComplianceSort | undefined) => void;
};

/**
 * The sort order as a list box, for narrow screens: there the table stacks its rows and hides
 * the column headers that carry the sort buttons.
 */
export function ComplianceSortSelect(props: ComplianceSortSelectProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const options = () => [
    { value: '', label: i18n.t('compliance.sort.portalOrder') },
    { value: 'tenant:asc', label: i18n.t('compliance.sort.nameAsc') },
    ...countColumns.map((column) => ({
      value: `${column.key}:desc`,
      label: i18n.t('compliance.sort.mostFirst', { column: i18n.t(column.label) }),
    })),
  ];
  const current = () => (props.sort ? `${props.sort.key}:${props.sort.order}` : '');
  const choose = (value: string) => {
    const [key, order] = value.split(':');
    props.onChange(
      key && (order === 'asc' || order === 'desc') ? { key: key as SortKey, order } : undefined,
    );
  };

  return (
    <div class="field compliance__sort-select">
      <label class="field__label" for={id}>
        {i18n.t('compliance.sort.label')}
      </label>
      <select id={id} class="field__input" onChange={(event) => choose(event.currentTarget.value)}>
        <For each={options()}>
          {(option) => (
            <option value={option.value} selected={option.value === current()}>
              {option.label}
            </option>
          )}
        </For>
        {/* A column header can sort the other way; the list then shows that order too. */}
        {current() && !options().some((option) => option.value === current()) ? (
          <option value={current()} selected>
            {i18n.t('compliance.sort.fromHeader')}
          </option>
        ) : null}
      </select>
    </div>
  );
}
