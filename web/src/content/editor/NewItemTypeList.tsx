import { A } from '@solidjs/router';
import { For } from 'solid-js';

import '../../styles/editor.css';
import { paths } from '../../paths.ts';
import { useApp } from '../../stores/app-context.tsx';
import { contentTypeLabel, contentTypeNames, type ContentType } from '../content-names.ts';

/** The new-item page for a content type. */
export const newItemPath = (type: ContentType) => `${paths.contentNew}?loai=${type}`;

/** Lists the content types as links to the new-item form, each with what it is for. */
export function NewItemTypeList(props: { onChoose?: () => void }) {
  const { i18n } = useApp();

  return (
    <ul class="editor-type-list">
      <For each={contentTypeNames}>
        {(type) => (
          <li>
            <A
              class="editor-type-list__link"
              href={newItemPath(type)}
              onClick={() => props.onChoose?.()}
            >
              <span class="editor-type-list__name">{i18n.t(contentTypeLabel(type))}</span>
              <span class="editor-type-list__hint">{i18n.t(`editor.typeHint.${type}`)}</span>
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
