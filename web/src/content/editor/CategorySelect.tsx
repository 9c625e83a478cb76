import { createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../../stores/app-context.tsx';
import { flattenCategoryTree } from './category-tree.ts';
import type { EditorCategory } from './item-types.ts';

export type CategorySelectProps = {
  categories: readonly EditorCategory[];
  value: string;
  onChange: (categoryId: string) => void;
  isDisabled?: boolean;
  error?: string | undefined;
};

// Browsers ignore padding on options, so each level of the tree is four no-break spaces.
const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth * 2);

/** Chooses an item's category from the portal's tree, children indented under their parent. */
export function CategorySelect(props: CategorySelectProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const options = () =>
    flattenCategoryTree(props.categories, (category) =>
      i18n.locale() === 'en' && category.nameEn ? category.nameEn : category.nameVi,
    );

  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label class="field__label" for={id}>
        {i18n.t('content.category')}
      </label>
      <select
        id={id}
        class="field__input"
        disabled={props.isDisabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="" selected={props.value === ''}>
          {i18n.t('editor.noCategory')}
        </option>
        <For each={options()}>
          {(option) => (
            <option value={option.id} selected={option.id === props.value}>
              {`${indent(option.depth)}${option.depth > 0 ? '└ ' : ''}${option.name}`}
            </option>
          )}
        </For>
      </select>
      <Show when={props.error}>
        <p id={`${id}-error`} class="field__error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
