import { createSignal } from 'solid-js';

import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { StepDialog } from './StepDialog.tsx';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey, type StepDialogBaseProps } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/**
 * Closes a case as a duplicate of another case of this portal, named by the tracking code its
 * sender quotes. The server finds the case by the code, since staff never see codes.
 */
export function MergeDialog(props: StepDialogBaseProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, 'merge', props.detail.id),
    initial: { note: '' },
  });
  // A tracking code opens the case's public lookup, so it stays out of the stored draft.
  const [trackingCode, setTrackingCode] = createSignal('');
  const state = createStepState();
  const [isCodeMissing, setCodeMissing] = createSignal(false);
  const message = (field: string) => stepFieldMessage(state.error(), [field], i18n.t);

  const send = async () => {
    const values = draftSnapshot(draft);
    const code = trackingCode().trim();
    setCodeMissing(code === '');
    if (isCodeMissing()) {
      return;
    }
    const isSent = await state.run(() =>
      api.call(
        api.client.POST('/feedback/cases/{caseId}/merge', {
          params: { path: { caseId: props.detail.id } },
          body: {
            tenantId: props.tenantId,
            intoTrackingCode: code,
            ...(values.note.trim() ? { note: values.note.trim() } : {}),
          },
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
      title={i18n.t('feedback.step.merge')}
      description={i18n.t('feedback.mergeIntro')}
      submitLabel={i18n.t('feedback.mergeSubmit')}
      variant="danger"
      state={state}
      wasRestored={draft.wasRestored()}
      onDiscardDraft={draft.clear}
      onSubmit={() => void send()}
      onClose={props.onClose}
    >
      <TextField
        label={i18n.t('feedback.mergeCode')}
        hint={i18n.t('feedback.mergeCodeHint')}
        value={trackingCode()}
        autocomplete="off"
        spellcheck={false}
        maxLength={60}
        error={isCodeMissing() ? i18n.t('feedback.error.codeMissing') : message('intoTrackingCode')}
        onInput={setTrackingCode}
      />
      <TextAreaField
        label={i18n.t('feedback.note')}
        isOptional
        value={draft.values.note}
        maxLength={5000}
        error={message('note')}
        onInput={(value) => draft.setValues('note', value)}
      />
    </StepDialog>
  );
}
