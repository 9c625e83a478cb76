import { createSignal, Show } from 'solid-js';

import { DraftNotice } from '../components/DraftNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import type { CaseDetail } from './feedback-names.ts';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/** The answer's length limits the server enforces, in characters. */
export const answerLimits = { min: 20, max: 20_000 } as const;

export type AnswerEditorProps = {
  detail: CaseDetail;
  tenantId: string;
  onSaved: () => void;
};

/**
 * Writes the draft answer of a case. What is typed is kept in the browser until the server has
 * saved it, so a failed save, an ended session or a closed tab loses nothing. A saved answer
 * stays editable until it is published.
 */
export function AnswerEditor(props: AnswerEditorProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, 'answer', props.detail.id),
    initial: { answer: props.detail.answer ?? '' },
  });
  const state = createStepState();
  const length = () => draft.values.answer.trim().length;
  const isTooShort = () => length() < answerLimits.min;
  const [hasTriedShort, setTriedShort] = createSignal(false);

  const save = async () => {
    setTriedShort(isTooShort());
    if (isTooShort()) {
      return;
    }
    const answer = draftSnapshot(draft).answer.trim();
    const isSaved = await state.run(() =>
      api.call(
        api.client.POST('/feedback/cases/{caseId}/answer', {
          params: { path: { caseId: props.detail.id } },
          body: { tenantId: props.tenantId, answer },
        }),
      ),
    );
    if (isSaved) {
      draft.commit();
      props.onSaved();
    }
  };

  return (
    <form
      class="form feedback-answer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Show when={draft.wasRestored()}>
        <DraftNotice onDiscard={draft.clear} />
      </Show>
      <Show when={state.error()}>
        <ErrorNotice error={state.error()} isDraftKept />
      </Show>
      <TextAreaField
        label={i18n.t('feedback.answerLabel')}
        hint={i18n.t('feedback.answerHint', { min: answerLimits.min })}
        value={draft.values.answer}
        rows={10}
        isCountAlwaysShown
        maxLength={answerLimits.max}
        error={
          hasTriedShort() && isTooShort()
            ? i18n.t('field.minLength', { count: answerLimits.min })
            : stepFieldMessage(state.error(), ['answer'], i18n.t)
        }
        onInput={(value) => draft.setValues('answer', value)}
      />
      <div class="form__actions">
        <SubmitButton isBusy={state.isBusy()}>{i18n.t('feedback.answerSubmit')}</SubmitButton>
      </div>
    </form>
  );
}
