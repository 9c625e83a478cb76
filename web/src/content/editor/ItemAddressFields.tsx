import { createUniqueId, Show } from 'solid-js';

import { itemPath } from '../../../../server/site/urls.ts';
import { TextField } from '../../components/TextField.tsx';
import { useApp } from '../../stores/app-context.tsx';
import type { ContentType } from '../content-names.ts';
import { CategorySelect } from './CategorySelect.tsx';
import type { ItemEditor } from './create-item-editor.ts';
import type { EditorCategory } from './item-types.ts';
import { slugFromTitle } from './item-form-values.ts';

export type ItemAddressFieldsProps = {
  editor: Pick<ItemEditor, 'values' | 'setField' | 'problems'>;
  type: ContentType;
  categories: readonly EditorCategory[];
  isNew: boolean;
  isReadOnly: boolean;
};

/** Edits the item's category and its web address (slug), and shows the public path. */
export function ItemAddressFields(props: ItemAddressFieldsProps) {
  const { i18n } = useApp();
  const headingId = createUniqueId();
  const values = () => props.editor.values;
  const slugShown = () =>
    values().slug.trim() || (props.isNew ? slugFromTitle(values().titleVi) : '');
  const publicPath = () => {
    const weekStart = values().fields.weekStart;
    return itemPath({
      type: props.type,
      slug: slugShown() || '…',
      weekStart: typeof weekStart === 'string' && weekStart ? weekStart : null,
    });
  };

  return (
    <section class="panel editor-address" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {i18n.t('editor.address.title')}
      </h2>
      <div class="form">
        <CategorySelect
          categories={props.categories}
          value={values().categoryId}
          onChange={(value) => props.editor.setField('categoryId', value)}
          isDisabled={props.isReadOnly}
          error={props.editor.problems().categoryId}
        />
        <TextField
          label={i18n.t('editor.address.slug')}
          hint={i18n.t(props.isNew ? 'editor.address.slugHintNew' : 'editor.address.slugHint')}
          value={values().slug}
          onInput={(value) => props.editor.setField('slug', value)}
          maxLength={120}
          autocomplete="off"
          spellcheck={false}
          isReadOnly={props.isReadOnly}
          isOptional={props.isNew}
          error={props.editor.problems().slug}
        />
        <Show when={!props.isReadOnly && values().titleVi.trim()}>
          <div>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => props.editor.setField('slug', slugFromTitle(values().titleVi))}
            >
              {i18n.t('editor.address.fromTitle')}
            </button>
          </div>
        </Show>
        <p class="editor-address__path">
          <span class="muted">{i18n.t('editor.address.publicPath')}</span>{' '}
          <code>{publicPath()}</code>
        </p>
      </div>
    </section>
  );
}
