import { createSignal, Show } from 'solid-js';

import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { StepDialog } from './StepDialog.tsx';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey, type StepDialogBaseProps } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/** The steps that take a note at most: return for rework, approve, progress note, publish. */
export type NoteStepName = 'return' | 'approve' | 'progress_note' | 'publish';

type NoteRule = {
  title: MessageKey;
  description: MessageKey;
  submit: MessageKey;
  /** The note's label, or null for a step without one. */
  noteLabel: MessageKey | null;
  noteHint?: MessageKey;
  /** The shortest note the server accepts, or 0 for an optional note. */
  minLength: number;
  variant?: 'primary' | 'danger';
};

/** Each step's wording and the note the server requires for it. */
const noteRules: Record<NoteStepName, NoteRule> = {
  return: {
    title: 'feedback.step.return',
    description: 'feedback.returnIntro',
    submit: 'feedback.returnSubmit',
    noteLabel: 'feedback.returnNote',
    minLength: 5,
    variant: 'danger',
  },
  approve: {
    title: 'feedback.step.approve',
    description: 'feedback.approveIntro',
    submit: 'feedback.approveSubmit',
    noteLabel: 'feedback.note',
    minLength: 0,
  },
  progress_note: {
    title: 'feedback.step.progress_note',
    description: 'feedback.progressIntro',
    submit: 'feedback.progressSubmit',
    noteLabel: 'feedback.progressNote',
    noteHint: 'feedback.progressNoteHint',
    minLength: 10,
  },
  publish: {
    title: 'feedback.step.publish',
    description: 'feedback.publishIntro',
    submit: 'feedback.publishSubmit',
    noteLabel: null,
    minLength: 0,
  },
};

export type NoteStepDialogProps = StepDialogBaseProps & { step: NoteStepName };

/** The dialog of a step that needs no more than a note, with the note the server requires. */
export function NoteStepDialog(props: NoteStepDialogProps) {
  const { api, session, i18n } = useApp();
  const rule = () => noteRules[props.step];
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, props.step, props.detail.id),
    initial: { note: '' },
  });
  const state = createStepState();
  const [isNoteShort, setNoteShort] = createSignal(false);
  const message = (field: string) => stepFieldMessage(state.error(), [field], i18n.t);

  const post = (note: string) => {
    const caseId = props.detail.id;
    const tenantId = props.tenantId;
    const withNote = note ? { note } : {};
    const path = { path: { caseId } };
    switch (props.step) {
      case 'return':
        return api.client.POST('/feedback/cases/{caseId}/return', {
          params: path,
          body: { tenantId, note },
        });
      case 'approve':
        return api.client.POST('/feedback/cases/{caseId}/approve', {
          params: path,
          body: { tenantId, ...withNote },
        });
      case 'progress_note':
        return api.client.POST('/feedback/cases/{caseId}/progress-notes', {
          params: path,
          body: { tenantId, note },
        });
      case 'publish':
        return api.client.POST('/feedback/cases/{caseId}/publish', {
          params: path,
          body: { tenantId },
        });
    }
  };

  const send = async () => {
    const note = draftSnapshot(draft).note.trim();
    setNoteShort(rule().minLength > 0 && note.length < rule().minLength);
    if (isNoteShort()) {
      return;
    }
    const isSent = await state.run(() => api.call(post(note)));
    if (isSent) {
      draft.clear();
      props.onDone();
    }
  };

  return (
    <StepDialog
      title={i18n.t(rule().title)}
      description={i18n.t(rule().description)}
      submitLabel={i18n.t(rule().submit)}
      variant={rule().variant}
      state={state}
      wasRestored={rule().noteLabel ? draft.wasRestored() : undefined}
      onDiscardDraft={draft.clear}
      onSubmit={() => void send()}
      onClose={props.onClose}
    >
      <Show when={rule().noteLabel}>
        {(label) => (
          <TextAreaField
            label={i18n.t(label())}
            hint={rule().noteHint ? i18n.t(rule().noteHint!) : undefined}
            isOptional={rule().minLength === 0}
            value={draft.values.note}
            maxLength={5000}
            error={
              isNoteShort()
                ? i18n.t('field.minLength', { count: rule().minLength })
                : message('note')
            }
            onInput={(value) => draft.setValues('note', value)}
          />
        )}
      </Show>
    </StepDialog>
  );
}
