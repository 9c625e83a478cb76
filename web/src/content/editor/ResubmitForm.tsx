import { createSignal, createUniqueId, Show } from 'solid-js';

import { ApiError } from '../../api/api-error.ts';
import type { Tenant } from '../../api/client.ts';
import { DraftNotice } from '../../components/DraftNotice.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../../stores/create-draft.ts';
import { isStaleRevision, resubmit } from './editor-api.ts';
import {
  fieldsForSave,
  formValuesFrom,
  textForSave,
  type FieldValue,
  type ItemFormValues,
} from './item-form-values.ts';
import { ItemTextFields } from './ItemTextFields.tsx';
import type { RevisionText, SubmissionDetail } from './item-types.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { problemsFromServer, validateItemForm, type FormProblems } from './validate-item.ts';

export type ResubmitFormProps = {
  tenant: Tenant;
  submission: SubmissionDetail;
  /** The submission's current revision, which the form starts from. */
  revision: RevisionText;
  onSent: () => void;
  /** Loads the submission again, after the desk changed it meanwhile. */
  onReload: () => void;
};

type ResubmitValues = ItemFormValues & { note: string };

/**
 * Revises a submission the standing section returned and sends it again. What is typed is
 * kept as a local draft until the server accepts it. The request names the revision it
 * revised, so a change made at the desk meanwhile is not overwritten.
 */
export function ResubmitForm(props: ResubmitFormProps) {
  const { api, session, i18n } = useApp();
  const headingId = createUniqueId();
  const type = props.submission.item.type;
  const draft = createDraft<ResubmitValues>({
    key: `${session.me()?.user.id}.resubmit.${props.tenant.id}.${props.submission.item.id}`,
    initial: {
      ...formValuesFrom(type, props.revision, { slug: null, categoryId: null }),
      note: '',
    },
  });
  const [problems, setProblems] = createSignal<FormProblems>({});
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [formGeneration, setFormGeneration] = createSignal(1);

  const editor = {
    values: draft.values,
    problems,
    setField: <K extends keyof ItemFormValues>(name: K, value: ItemFormValues[K]) =>
      draft.setValues(name as keyof ResubmitValues, value as never),
    setTypeField: (name: string, value: FieldValue) => draft.setValues('fields', name, value),
    rememberMedia: () => {},
    mediaNames: (): Record<string, string> => ({}),
  };

  const send = async () => {
    if (isBusy()) {
      return;
    }
    const values = draftSnapshot(draft);
    const found = validateItemForm(type, values, i18n.t);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const text = textForSave(values);
    setBusy(true);
    setError(undefined);
    try {
      await resubmit(api, props.tenant.id, props.submission.item.id, {
        baseRevisionId: values.baseRevisionId ?? props.revision.id,
        ...text,
        fields: fieldsForSave(type, values.fields),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      draft.clear();
      props.onSent();
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError) {
        setProblems(problemsFromServer(failure.fields, i18n.t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {i18n.t('editor.resubmit.title')}
      </h2>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Show when={draft.wasRestored()}>
          <DraftNotice
            onDiscard={() => {
              draft.clear();
              setFormGeneration((generation) => generation + 1);
            }}
          />
        </Show>
        <Show when={formGeneration()} keyed>
          <ItemTextFields
            editor={editor}
            type={type}
            tenantId={props.tenant.id}
            isReadOnly={false}
            canAttachMedia={false}
          />
        </Show>
        <TextAreaField
          label={i18n.t('editor.resubmit.note')}
          hint={i18n.t('editor.resubmit.noteHint')}
          value={draft.values.note}
          onInput={(value) => draft.setValues('note', value)}
          maxLength={2000}
          isOptional
          rows={3}
        />
        <Show when={error()}>
          <Show
            when={isStaleRevision(error())}
            fallback={<ErrorNotice error={error()} onRetry={() => void send()} isDraftKept />}
          >
            <div class="notice notice--error" role="alert">
              <p class="notice__title">{i18n.t('editor.resubmit.stale')}</p>
              <p>{i18n.t('editor.conflict.kept')}</p>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => props.onReload()}
              >
                {i18n.t('editor.resubmit.reload')}
              </button>
            </div>
          </Show>
        </Show>
        <div class="form__actions">
          <SubmitButton isBusy={isBusy()} busyLabel={i18n.t('editor.submit.busy')}>
            {i18n.t('editor.resubmit.send')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
