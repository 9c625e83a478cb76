import { createResource, createSignal, createUniqueId, Show } from 'solid-js';

import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import type { ContentType } from '../content-names.ts';
import { compareWords, htmlToText } from './diff-text.ts';
import { fetchItemDetail } from './editor-api.ts';
import { fieldsForSave, type ItemFormValues } from './item-form-values.ts';
import type { ComparedField, Revision, SaveConflict } from './item-types.ts';
import { RevisionDiffTable } from './RevisionDiffTable.tsx';

export type ConflictPanelProps = {
  conflict: SaveConflict;
  tenantId: string;
  itemId: string;
  type: ContentType;
  /** The text on screen, which the conflict leaves as it is. */
  values: ItemFormValues;
  isSaving: boolean;
  onSaveMine: () => void;
  onUseNewer: () => void;
};

/** Lists the fields of the newer revision beside the same fields of the text on screen. */
function compareWithScreen(
  type: ContentType,
  newer: Revision,
  mine: ItemFormValues,
): ComparedField[] {
  const pairs = [
    { field: 'titleVi', before: newer.titleVi, after: mine.titleVi },
    { field: 'leadVi', before: newer.leadVi ?? '', after: mine.leadVi },
    { field: 'bodyVi', before: htmlToText(newer.bodyVi), after: htmlToText(mine.bodyVi) },
    { field: 'titleEn', before: newer.titleEn ?? '', after: mine.titleEn },
    { field: 'leadEn', before: newer.leadEn ?? '', after: mine.leadEn },
    {
      field: 'bodyEn',
      before: htmlToText(newer.bodyEn ?? ''),
      after: htmlToText(mine.bodyEn),
    },
    {
      field: 'fields',
      before: JSON.stringify(newer.fields, null, 2),
      after: JSON.stringify(fieldsForSave(type, mine.fields), null, 2),
    },
  ];

  return pairs.map((pair) => ({
    ...pair,
    isChanged: pair.before.trim() !== pair.after.trim(),
    parts: compareWords(pair.before, pair.after),
  }));
}

/**
 * Reports that someone saved a newer revision while the user was editing, naming the person
 * and the time. The user's text stays on screen and in the local draft. The user can open the
 * newer revision beside their own text, then keep theirs as the newest revision or take the
 * newer one.
 */
export function ConflictPanel(props: ConflictPanelProps) {
  const { api, i18n } = useApp();
  const headingId = createUniqueId();
  const [isComparing, setComparing] = createSignal(false);
  let comparisonHeading: HTMLHeadingElement | undefined;
  const [newer] = createResource(
    () => (isComparing() ? props.itemId : undefined),
    async (itemId) => (await fetchItemDetail(api, props.tenantId, itemId)).currentRevision,
  );
  const savedBy = () => props.conflict.savedBy ?? i18n.t('editor.person.other');
  const savedAt = () =>
    props.conflict.savedAt ? i18n.formatDateTime(props.conflict.savedAt) : i18n.t('common.never');

  return (
    <section class="notice notice--error editor-conflict" aria-labelledby={headingId}>
      <div role="alert" class="editor-conflict__message">
        <h2 id={headingId} class="notice__title editor-conflict__title">
          {i18n.t('editor.conflict.title')}
        </h2>
        <p>
          {i18n.t('editor.conflict.who', {
            name: savedBy(),
            time: savedAt(),
            number: props.conflict.currentRevisionNumber ?? '?',
          })}
        </p>
        <p>{i18n.t('editor.conflict.kept')}</p>
      </div>
      <div class="form__actions">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={isComparing() ? 'true' : 'false'}
          onClick={() => {
            setComparing(!isComparing());
            queueMicrotask(() => comparisonHeading?.focus());
          }}
        >
          {i18n.t(isComparing() ? 'editor.conflict.hideComparison' : 'editor.conflict.compare')}
        </button>
      </div>
      <Show when={isComparing()}>
        <div class="editor-conflict__comparison">
          <h3 ref={comparisonHeading} tabIndex={-1} class="editor-conflict__subtitle">
            {i18n.t('editor.conflict.comparisonTitle')}
          </h3>
          <Show when={newer.error}>
            <ErrorNotice error={newer.error} />
          </Show>
          <Show when={newer.loading}>
            <p class="muted">{i18n.t('common.loading')}</p>
          </Show>
          <Show when={!newer.error && newer()}>
            {(revision) => (
              <>
                <RevisionDiffTable
                  fields={compareWithScreen(props.type, revision(), props.values)}
                  caption={i18n.t('editor.conflict.caption')}
                  beforeHeading={i18n.t('editor.conflict.newer', {
                    number: revision().number,
                    name: savedBy(),
                  })}
                  afterHeading={i18n.t('editor.conflict.mine')}
                />
                <p>{i18n.t('editor.conflict.decide')}</p>
                <div class="form__actions">
                  <SubmitButton
                    type="button"
                    isBusy={props.isSaving}
                    onClick={() => props.onSaveMine()}
                  >
                    {i18n.t('editor.conflict.saveMine')}
                  </SubmitButton>
                  <button
                    type="button"
                    class="button button--danger-outline"
                    onClick={() => props.onUseNewer()}
                  >
                    {i18n.t('editor.conflict.useNewer')}
                  </button>
                </div>
              </>
            )}
          </Show>
        </div>
      </Show>
    </section>
  );
}
