import { createSignal } from 'solid-js';

import { SelectField } from '../components/SelectField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { StepDialog } from './StepDialog.tsx';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey, type StepDialogBaseProps } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/** Forwards a classified case to the unit competent to answer it, or to another one. */
export function ForwardDialog(props: StepDialogBaseProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, 'forward', props.detail.id),
    initial: { toTenantId: '', note: '' },
  });
  const state = createStepState();
  const [isUnitMissing, setUnitMissing] = createSignal(false);
  const message = (field: string) => stepFieldMessage(state.error(), [field], i18n.t);
  // A case forwarded once may move on, but not to the unit that has it.
  const targets = () =>
    props.detail.forwardTargets.filter((unit) => unit.id !== props.detail.assignedTenantId);

  const send = async () => {
    const values = draftSnapshot(draft);
    setUnitMissing(values.toTenantId === '');
    if (isUnitMissing()) {
      return;
    }
    const isSent = await state.run(() =>
      api.call(
        api.client.POST('/feedback/cases/{caseId}/forward', {
          params: { path: { caseId: props.detail.id } },
          body: {
            tenantId: props.tenantId,
            toTenantId: values.toTenantId,
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
      title={i18n.t('feedback.step.forward')}
      submitLabel={i18n.t('feedback.forwardSubmit')}
      state={state}
      wasRestored={draft.wasRestored()}
      onDiscardDraft={draft.clear}
      onSubmit={() => void send()}
      onClose={props.onClose}
    >
      <SelectField
        label={i18n.t('feedback.responsibleUnit')}
        value={draft.values.toTenantId}
        emptyLabel={i18n.t('feedback.chooseUnit')}
        options={targets().map((unit) => ({
          value: unit.id,
          label: tenantName(unit, i18n.locale()),
        }))}
        error={isUnitMissing() ? i18n.t('feedback.error.unitMissing') : message('toTenantId')}
        onChange={(value) => draft.setValues('toTenantId', value)}
      />
      <TextAreaField
        label={i18n.t('feedback.forwardNote')}
        isOptional
        value={draft.values.note}
        maxLength={5000}
        error={message('note')}
        onInput={(value) => draft.setValues('note', value)}
      />
    </StepDialog>
  );
}
