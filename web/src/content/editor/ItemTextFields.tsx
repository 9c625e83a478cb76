import { Show, untrack } from 'solid-js';

import { TextField } from '../../components/TextField.tsx';
import { useApp } from '../../stores/app-context.tsx';
import type { ContentType } from '../content-names.ts';
import type { ItemEditor } from './create-item-editor.ts';
import { RichTextEditor } from './RichTextEditor.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TypeFields } from './TypeFields.tsx';
import { typeFieldProblems } from './validate-item.ts';

export type ItemTextFieldsProps = {
  editor: Pick<
    ItemEditor,
    'values' | 'setField' | 'setTypeField' | 'rememberMedia' | 'mediaNames' | 'problems'
  >;
  type: ContentType;
  tenantId: string;
  isReadOnly: boolean;
  /** False for a submission to the main portal, which cannot see the unit's files. */
  canAttachMedia: boolean;
};

/**
 * Renders the text of an item: title, lead and body in Vietnamese, the same in English behind
 * a disclosure, and the fields of its type.
 */
export function ItemTextFields(props: ItemTextFieldsProps) {
  const { i18n } = useApp();
  const values = () => props.editor.values;
  const problem = (name: string) => props.editor.problems()[name];
  // Open from the start when there is English text; afterwards it is the user's to toggle.
  const hasEnglish = untrack(() => Boolean(values().titleEn || values().leadEn || values().bodyEn));

  return (
    <div class="editor-text">
      <TextField
        label={i18n.t('editor.titleVi')}
        value={values().titleVi}
        onInput={(value) => props.editor.setField('titleVi', value)}
        maxLength={300}
        isRequired
        isReadOnly={props.isReadOnly}
        error={problem('titleVi')}
      />
      <TextAreaField
        label={i18n.t('editor.leadVi')}
        hint={i18n.t('editor.leadHint')}
        value={values().leadVi}
        onInput={(value) => props.editor.setField('leadVi', value)}
        maxLength={1000}
        isOptional
        isReadOnly={props.isReadOnly}
        error={problem('leadVi')}
      />
      <RichTextEditor
        label={i18n.t('editor.bodyVi')}
        initialHtml={values().bodyVi}
        onChange={(html) => props.editor.setField('bodyVi', html)}
        tenantId={props.tenantId}
        isReadOnly={props.isReadOnly}
        canInsertImages={props.canAttachMedia}
        lang="vi"
      />
      <details class="editor-disclosure" open={hasEnglish}>
        <summary class="editor-disclosure__summary">{i18n.t('editor.english')}</summary>
        <div class="editor-disclosure__body">
          <TextField
            label={i18n.t('editor.titleEn')}
            value={values().titleEn}
            onInput={(value) => props.editor.setField('titleEn', value)}
            maxLength={300}
            isOptional
            isReadOnly={props.isReadOnly}
            error={problem('titleEn')}
          />
          <TextAreaField
            label={i18n.t('editor.leadEn')}
            value={values().leadEn}
            onInput={(value) => props.editor.setField('leadEn', value)}
            maxLength={1000}
            isOptional
            isReadOnly={props.isReadOnly}
            lang="en"
            error={problem('leadEn')}
          />
          <RichTextEditor
            label={i18n.t('editor.bodyEn')}
            initialHtml={values().bodyEn}
            onChange={(html) => props.editor.setField('bodyEn', html)}
            tenantId={props.tenantId}
            isReadOnly={props.isReadOnly}
            canInsertImages={props.canAttachMedia}
            lang="en"
          />
        </div>
      </details>
      <Show when={props.type !== 'page'}>
        <TypeFields
          type={props.type}
          values={values().fields}
          onChange={(name, value) => props.editor.setTypeField(name, value)}
          errors={typeFieldProblems(props.editor.problems())}
          tenantId={props.tenantId}
          canAttachMedia={props.canAttachMedia}
          mediaNames={props.editor.mediaNames()}
          onMediaPicked={(picked) => props.editor.rememberMedia(picked)}
          isReadOnly={props.isReadOnly}
        />
      </Show>
    </div>
  );
}
