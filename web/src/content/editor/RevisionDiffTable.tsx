import { createSignal, createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../../stores/app-context.tsx';
import { diffFieldLabel, richTextFields } from './diff-fields.ts';
import { plainSideOf, textSideOf } from './diff-text.ts';
import { DiffText } from './DiffText.tsx';
import type { ComparedField } from './item-types.ts';

export type RevisionDiffTableProps = {
  fields: readonly ComparedField[];
  caption: string;
  beforeHeading: string;
  afterHeading: string;
};

/**
 * Shows two versions side by side, one row per field: the older text with its removed words
 * marked on the left, the newer text with its added words marked on the right.
 */
export function RevisionDiffTable(props: RevisionDiffTableProps) {
  const { i18n } = useApp();
  const toggleId = createUniqueId();
  const [isShowingAll, setShowingAll] = createSignal(false);
  const rows = () => props.fields.filter((field) => isShowingAll() || field.isChanged);
  const sideOf = (field: ComparedField, side: 'before' | 'after') =>
    richTextFields.has(field.field)
      ? textSideOf(field.parts, side)
      : plainSideOf(field.parts, side);
  const labelOf = (field: string) => {
    const key = diffFieldLabel(field);
    return key ? i18n.t(key) : field;
  };

  return (
    <div class="diff">
      <div class="diff__options">
        <input
          id={toggleId}
          type="checkbox"
          checked={isShowingAll()}
          onChange={(event) => setShowingAll(event.currentTarget.checked)}
        />
        <label for={toggleId}>{i18n.t('editor.diff.showUnchanged')}</label>
      </div>
      <Show
        when={rows().length > 0}
        fallback={<p class="empty">{i18n.t('editor.diff.noChanges')}</p>}
      >
        <div class="table-wrap">
          <table class="table diff__table">
            <caption class="diff__caption">{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('editor.diff.field')}</th>
                <th scope="col">{props.beforeHeading}</th>
                <th scope="col">{props.afterHeading}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(field) => (
                  <tr>
                    <th scope="row">
                      {labelOf(field.field)}
                      <Show when={!field.isChanged}>
                        <span class="table__sub">{i18n.t('editor.diff.unchanged')}</span>
                      </Show>
                    </th>
                    <td class="diff__cell" data-label={props.beforeHeading}>
                      <DiffText parts={sideOf(field, 'before')} />
                    </td>
                    <td class="diff__cell" data-label={props.afterHeading}>
                      <DiffText parts={sideOf(field, 'after')} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
