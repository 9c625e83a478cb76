import { A } from '@solidjs/router';
import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';

import '../../styles/editor.css';
import { editableStates } from '../../../../server/workflow/transitions.ts';
import { canOnTenant } from '../../access/access.ts';
import type { Tenant } from '../../api/client.ts';
import { DraftNotice } from '../../components/DraftNotice.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { tenantName } from '../../components/tenant-name.ts';
import { paths } from '../../paths.ts';
import { useApp } from '../../stores/app-context.tsx';
import { contentTypeLabel, type ContentType } from '../content-names.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { createItemEditor } from './create-item-editor.ts';
import { applyTransition, type SubmissionText, type TransitionInput } from './editor-api.ts';
import { fieldsForSave, textForSave, type ItemFormValues } from './item-form-values.ts';
import { ItemAddressFields } from './ItemAddressFields.tsx';
import { ItemHistory } from './ItemHistory.tsx';
import { ItemTextFields } from './ItemTextFields.tsx';
import type { EditorCategory, ItemDetail } from './item-types.ts';
import { PreviewLinkButton } from './PreviewLinkButton.tsx';
import { RevisionHistory } from './RevisionHistory.tsx';
import { SaveBar } from './SaveBar.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import { SubmitToMainDialog } from './SubmitToMainDialog.tsx';
import { WorkflowPanel } from './WorkflowPanel.tsx';

export type ItemWorkspaceProps = {
  tenant: Tenant;
  type: ContentType;
  /** The item as last loaded; undefined for a new item. */
  detail: ItemDetail | undefined;
  categories: readonly EditorCategory[];
  /** The saved state the form starts from. */
  initial: ItemFormValues;
  onCreated: (itemId: string) => void;
  /** Loads the item again: its state, history and revisions. */
  onRefresh: () => Promise<void>;
  /** Loads the item again and starts the form over from its newest revision. */
  onReload: () => void;
};

/**
 * The editor of one item: its text and fields, the Save button and save state, and around it
 * the workflow, the history, the revisions, the preview and the submission to the main portal.
 */
export function ItemWorkspace(props: ItemWorkspaceProps) {
  const { api, session, i18n } = useApp();
  const me = () => session.me();
  const editor = createItemEditor({
    api,
    i18n,
    tenant: props.tenant,
    userId: me()?.user.id ?? '',
    type: props.type,
    itemId: props.detail?.item.id,
    initial: props.initial,
    onCreated: (itemId) => props.onCreated(itemId),
    onRevisionsChanged: () => void props.onRefresh(),
  });
  let loadedCategory = props.detail?.item.categoryId ?? '';
  createEffect(
    on(
      () => props.detail?.item.categoryId ?? '',
      (categoryId) => {
        editor.adoptServerCategory(categoryId, loadedCategory);
        loadedCategory = categoryId;
      },
      { defer: true },
    ),
  );
  // Bumped to rebuild the text fields, whose rich-text editors read their HTML once.
  const [formGeneration, setFormGeneration] = createSignal(1);
  const [isSubmitOpen, setSubmitOpen] = createSignal(false);
  const can = (action: Parameters<typeof canOnTenant>[1]) =>
    canOnTenant(me(), action, props.tenant);

  const canEdit = () => {
    const item = props.detail?.item;
    if (!item) {
      return can('content.create');
    }
    if (!can('content.edit') || !editableStates.includes(item.status)) {
      return false;
    }
    // Authors change their own drafts only, which is also what the server checks.
    const isOwnDraft =
      item.createdBy === me()?.user.id && ['draft', 'returned'].includes(item.status);
    return can('content.review') || isOwnDraft;
  };
  const canSubmitToMain = () => props.tenant.kind !== 'main' && can('content.syndicate');
  const isLive = () => ['published', 'updated'].includes(props.detail?.item.status ?? '');
  const isDraftBehind = () =>
    editor.wasRestored() &&
    props.detail?.currentRevision !== undefined &&
    editor.values.baseRevisionId !== props.detail.currentRevision?.id;
  const conflict = () => {
    const state = editor.state();
    return state.kind === 'conflict' ? state.conflict : undefined;
  };
  const failure = () => {
    const state = editor.state();
    return state.kind === 'failed' ? state.error : undefined;
  };

  const takeStep = async (input: TransitionInput) => {
    if (canEdit() && editor.isDirty() && !(await editor.save())) {
      return false;
    }
    await applyTransition(api, props.tenant.id, props.detail!.item.id, input);
    await props.onRefresh();
    return true;
  };

  const submissionText = (): SubmissionText => {
    const text = textForSave(editor.values);
    return {
      type: props.type,
      titleVi: text.titleVi,
      ...(text.titleEn ? { titleEn: text.titleEn } : {}),
      ...(text.leadVi ? { leadVi: text.leadVi } : {}),
      bodyVi: text.bodyVi,
      fields: fieldsForSave(props.type, editor.values.fields),
    };
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (canEdit()) {
        void editor.save();
      }
    }
  };

  const heading = () =>
    props.detail
      ? props.detail.item.titleVi || i18n.t('editor.untitled')
      : i18n.t('editor.newTitle', { type: i18n.t(contentTypeLabel(props.type)) });

  return (
    <div class="editor" onKeyDown={onKeyDown}>
      <PageHeading
        title={heading()}
        description={i18n.t('editor.intro', {
          type: i18n.t(contentTypeLabel(props.type)),
          portal: tenantName(props.tenant, i18n.locale()),
        })}
        actions={
          <A class="button button--quiet" href={paths.content}>
            {i18n.t('editor.backToList')}
          </A>
        }
      />
      <div class="editor-toolbar-row">
        <Show
          when={canEdit()}
          fallback={<p class="notice notice--info editor-read-only">{i18n.t('editor.readOnly')}</p>}
        >
          <SaveBar
            state={editor.state()}
            isDirty={editor.isDirty()}
            isNew={!props.detail}
            onSave={() => void editor.save()}
          />
        </Show>
        <div class="editor-toolbar-row__more">
          <Show when={props.detail}>
            {(detail) => (
              <PreviewLinkButton
                tenantId={props.tenant.id}
                itemId={detail().item.id}
                beforeOpen={() => (canEdit() ? editor.saveIfChanged() : Promise.resolve(true))}
              />
            )}
          </Show>
          <Show when={canSubmitToMain()}>
            <button
              type="button"
              class="button button--secondary"
              aria-haspopup="dialog"
              onClick={() => editor.checkForm() && setSubmitOpen(true)}
            >
              {i18n.t('editor.submit.button')}
            </button>
          </Show>
        </div>
      </div>
      <Switch>
        <Match when={conflict()}>
          {(shown) => (
            <ConflictPanel
              conflict={shown()}
              tenantId={props.tenant.id}
              itemId={props.detail!.item.id}
              type={props.type}
              values={editor.values}
              isSaving={editor.state().kind === 'saving'}
              onSaveMine={() => void editor.saveOverNewer()}
              onUseNewer={() => {
                editor.discardDraft();
                props.onReload();
              }}
            />
          )}
        </Match>
        <Match when={failure()}>
          <ErrorNotice error={failure()} onRetry={() => void editor.save()} isDraftKept />
        </Match>
        <Match when={editor.state().kind === 'invalid'}>
          <div class="notice notice--error" role="alert">
            <p>{i18n.t('editor.save.invalid')}</p>
          </div>
        </Match>
      </Switch>
      <Show when={editor.wasRestored()}>
        <DraftNotice
          onDiscard={() => {
            editor.discardDraft();
            setFormGeneration((generation) => generation + 1);
          }}
        />
        <Show when={isDraftBehind()}>
          <div class="notice notice--info">
            <p>{i18n.t('editor.draftBehind')}</p>
          </div>
        </Show>
      </Show>
      <div class="editor__layout">
        <div class="editor__main">
          <Show when={formGeneration()} keyed>
            <ItemTextFields
              editor={editor}
              type={props.type}
              tenantId={props.tenant.id}
              isReadOnly={!canEdit()}
              canAttachMedia
            />
          </Show>
        </div>
        <div class="editor__side">
          <Show when={props.detail}>
            {(detail) => (
              <WorkflowPanel detail={detail()} categories={props.categories} onStep={takeStep} />
            )}
          </Show>
          <ItemAddressFields
            editor={editor}
            type={props.type}
            categories={props.categories}
            isNew={!props.detail}
            isReadOnly={!canEdit()}
          />
          <Show when={props.detail?.item.provenance}>
            {(provenance) => (
              <SourcePanel
                sourceTenantId={props.detail!.item.sourceTenantId}
                provenance={provenance()}
              />
            )}
          </Show>
          <Show when={props.detail}>
            {(detail) => (
              <ItemHistory events={detail().events} title={i18n.t('editor.history.title')} />
            )}
          </Show>
        </div>
      </div>
      <Show when={props.detail}>
        {(detail) => (
          <RevisionHistory
            tenantId={props.tenant.id}
            detail={detail()}
            canRestore={canEdit()}
            isDirty={editor.isDirty()}
            onRestored={() => {
              editor.discardDraft();
              props.onReload();
            }}
          />
        )}
      </Show>
      <Show when={isSubmitOpen()}>
        <SubmitToMainDialog
          tenant={props.tenant}
          text={submissionText}
          sourceItemId={isLive() ? props.detail?.item.id : undefined}
          onClose={() => setSubmitOpen(false)}
        />
      </Show>
    </div>
  );
}
