import { createSignal } from 'solid-js';

import { SelectField } from '../components/SelectField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { reasonLabel, rejectionReasonNames, type RejectionReason } from './feedback-names.ts';
import { StepDialog } from './StepDialog.tsx';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey, type StepDialogBaseProps } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/** The shortest explanation the server accepts with a rejection, in characters. */
const minNoteLength = 5;

/**
 * Closes a case without an answer. Nothing is sent until a reason (spam, out of scope or
 * duplicate) is chosen and explained.
 */
export function RejectDialog(props: StepDialogBaseProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, 'reject', props.detail.id),
    initial: { reason: '', note: '' },
  });
  const state = createStepState();
  const [missing, setMissing] = createSignal({ reason: false, note: false });
  const message = (field: string) => stepFieldMessage(state.error(), [field], i18n.t);

  const send = async () => {
    const values = draftSnapshot(draft);
    const note = values.note.trim();
    setMissing({ reason: values.reason === '', note: note.length < minNoteLength });
    if (missing().reason || missing().note) {
      return;
    }
    const isSent = await state.run(() =>
      api.call(
        api.client.POST('/feedback/cases/{caseId}/reject', {
          params: { path: { caseId: props.detail.id } },
          body: { tenantId: props.tenantId, reason: values.reason as RejectionReason, note },
        }),
      ),
    );
    if (isSent) {
      draft.clear();
      props.onDone();
    }
  };

  return (
    <StepDialog
      title={i18n.t('feedback.step.reject')}
      description={i18n.t('feedback.rejectIntro')}
      submitLabel={i18n.t('feedback.rejectSubmit')}
      variant="danger"
      state={state}
      wasRestored={draft.wasRestored()}
      onDiscardDraft={draft.clear}
      onSubmit={() => void send()}
      onClose={props.onClose}
    >
      <SelectField
        label={i18n.t('feedback.rejectReason')}
        value={draft.values.reason}
        emptyLabel={i18n.t('feedback.chooseReason')}
        options={rejectionReasonNames.map((reason) => ({
          value: reason,
          label: i18n.t(reasonLabel(reason)),
        }))}
        error={missing().reason ? i18n.t('feedback.error.reasonMissing') : message('reason')}
        onChange={(value) => draft.setValues('reason', value)}
      />
      <TextAreaField
        label={i18n.t('feedback.rejectNote')}
        hint={i18n.t('feedback.rejectNoteHint')}
        value={draft.values.note}
        maxLength={5000}
        error={
          missing().note ? i18n.t('field.minLength', { count: minNoteLength }) : message('note')
        }
        onInput={(value) => draft.setValues('note', value)}
      />
    </StepDialog>
  );
}
