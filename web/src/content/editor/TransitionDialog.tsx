import { createSignal, createUniqueId, Match, Show, Switch } from 'solid-js';

import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { CategorySelect } from './CategorySelect.tsx';
import type { TransitionInput } from './editor-api.ts';
import { TextField } from '../../components/TextField.tsx';
import { fromVietnamInput, toVietnamInput } from './item-form-values.ts';
import type { EditorCategory, TransitionName } from './item-types.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { actionLabel, requiresNote, transitionHelp } from './workflow-labels.ts';

export type TransitionDialogProps = {
  action: TransitionName;
  categories: readonly EditorCategory[];
  /** The item's category, the classification's starting choice. */
  categoryId: string | null;
  isBusy: boolean;
  error: unknown;
  onConfirm: (input: TransitionInput) => void;
  onClose: () => void;
};

/**
 * Asks what a workflow step needs before it is taken: the reason for returning, escalating or
 * taking down (the step cannot be confirmed without it), the publication time for scheduling,
 * and the category and sensitivity for classifying.
 */
export function TransitionDialog(props: TransitionDialogProps) {
  const { i18n } = useApp();
  const sensitiveId = createUniqueId();
  const [note, setNote] = createSignal('');
  const [publishAt, setPublishAt] = createSignal('');
  const [categoryId, setCategoryId] = createSignal(props.categoryId ?? '');
  const [isSensitive, setSensitive] = createSignal(false);
  const [problems, setProblems] = createSignal<{ note?: string; publishAt?: string }>({});
  const isNoteRequired = () => requiresNote(props.action);
  const help = () => transitionHelp(props.action);

  const confirm = () => {
    const found: { note?: string; publishAt?: string } = {};
    if (isNoteRequired() && note().trim() === '') {
      found.note = i18n.t('editor.transition.noteMissing');
    }
    if (props.action === 'schedule') {
      if (publishAt() === '') {
        found.publishAt = i18n.t('editor.transition.publishAtMissing');
      } else if (new Date(fromVietnamInput(publishAt())).getTime() <= Date.now()) {
        found.publishAt = i18n.t('editor.problem.future');
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    props.onConfirm({
      action: props.action,
      ...(note().trim() ? { note: note().trim() } : {}),
      ...(props.action === 'schedule' ? { publishAt: fromVietnamInput(publishAt()) } : {}),
      ...(props.action === 'classify' && categoryId() ? { categoryId: categoryId() } : {}),
      ...(props.action === 'classify' ? { isSensitive: isSensitive() } : {}),
    });
  };

  return (
    <Dialog
      title={i18n.t(actionLabel(props.action))}
      description={help() ? i18n.t(help()!) : undefined}
      onClose={props.onClose}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <Switch>
          <Match when={props.action === 'schedule'}>
            <TextField
              label={i18n.t('editor.transition.publishAt')}
              hint={i18n.t('editor.fieldHint.vietnamTime')}
              type="datetime-local"
              value={publishAt()}
              onInput={(value) => {
                setPublishAt(value);
                setProblems(({ publishAt: _solved, ...rest }) => rest);
              }}
              isRequired
              error={problems().publishAt}
            />
            <p class="muted">
              {i18n.t('editor.transition.nowInVietnam', {
                time: toVietnamInput(new Date().toISOString()).replace('T', ' '),
              })}
            </p>
          </Match>
          <Match when={props.action === 'classify'}>
            <CategorySelect
              categories={props.categories}
              value={categoryId()}
              onChange={setCategoryId}
            />
            <div class="checkbox">
              <input
                id={sensitiveId}
                type="checkbox"
                checked={isSensitive()}
                onChange={(event) => setSensitive(event.currentTarget.checked)}
              />
              <label for={sensitiveId}>{i18n.t('editor.transition.sensitive')}</label>
            </div>
          </Match>
        </Switch>
        <TextAreaField
          label={i18n.t(isNoteRequired() ? 'editor.transition.reason' : 'editor.transition.note')}
          hint={isNoteRequired() ? i18n.t('editor.transition.reasonHint') : undefined}
          value={note()}
          onInput={(value) => {
            setNote(value);
            setProblems(({ note: _solved, ...rest }) => rest);
          }}
          maxLength={2000}
          isRequired={isNoteRequired()}
          isOptional={!isNoteRequired()}
          isAutofocus={props.action !== 'schedule' && props.action !== 'classify'}
          error={problems().note}
          rows={4}
        />
        <Show when={props.error}>
          <ErrorNotice error={props.error} />
        </Show>
        <div class="form__actions">
          <SubmitButton isBusy={props.isBusy} busyLabel={i18n.t('editor.transition.busy')}>
            {i18n.t(actionLabel(props.action))}
          </SubmitButton>
          <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
