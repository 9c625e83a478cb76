import { createSignal, Show } from 'solid-js';

import { SelectField } from '../components/SelectField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { feedbackTopicNames, topicLabel, type FeedbackTopic } from './feedback-names.ts';
import { StepDialog } from './StepDialog.tsx';
import { createStepState, stepFieldMessage } from './step-form.ts';
import { stepDraftKey, type StepDialogBaseProps } from './step-props.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';

/**
 * Sets the topic and the kind and, when a responsible unit is chosen, forwards the case to it in
 * the same step, as the standing section usually does.
 */
export function ClassifyDialog(props: StepDialogBaseProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft({
    key: stepDraftKey(session.me()?.user.id, 'classify', props.detail.id),
    initial: {
      topic: props.detail.topic ?? '',
      kind: props.detail.kind === 'petition' ? 'petition' : 'feedback',
      responsibleTenantId: '',
      note: '',
    },
  });
  const state = createStepState();
  const [isTopicMissing, setTopicMissing] = createSignal(false);
  const message = (...fields: string[]) => stepFieldMessage(state.error(), fields, i18n.t);

  const send = async () => {
    const values = draftSnapshot(draft);
    setTopicMissing(values.topic === '');
    if (isTopicMissing()) {
      return;
    }
    const isSent = await state.run(() =>
      api.call(
        api.client.POST('/feedback/cases/{caseId}/classify', {
          params: { path: { caseId: props.detail.id } },
          body: {
            tenantId: props.tenantId,
            topic: values.topic as FeedbackTopic,
            ...(props.detail.kind === 'draft_comment'
              ? {}
              : { kind: values.kind as 'feedback' | 'petition' }),
            ...(values.responsibleTenantId
              ? { responsibleTenantId: values.responsibleTenantId }
              : {}),
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
      title={i18n.t('feedback.step.classify')}
      description={i18n.t('feedback.classifyIntro')}
      submitLabel={i18n.t('feedback.classifySubmit')}
      state={state}
      wasRestored={draft.wasRestored()}
      onDiscardDraft={draft.clear}
      onSubmit={() => void send()}
      onClose={props.onClose}
    >
      <SelectField
        label={i18n.t('feedback.topic')}
        value={draft.values.topic}
        emptyLabel={i18n.t('feedback.chooseTopic')}
        options={feedbackTopicNames.map((topic) => ({
          value: topic,
          label: i18n.t(topicLabel(topic)),
        }))}
        error={isTopicMissing() ? i18n.t('feedback.error.topicMissing') : message('topic')}
        onChange={(value) => draft.setValues('topic', value)}
      />
      <Show when={props.detail.kind !== 'draft_comment'}>
        <SelectField
          label={i18n.t('feedback.kind')}
          value={draft.values.kind}
          options={[
            { value: 'feedback', label: i18n.t('feedback.kind.feedback') },
            { value: 'petition', label: i18n.t('feedback.kind.petition') },
          ]}
          onChange={(value) => draft.setValues('kind', value)}
        />
      </Show>
      <SelectField
        label={i18n.t('feedback.responsibleUnit')}
        value={draft.values.responsibleTenantId}
        emptyLabel={i18n.t('feedback.keepHere')}
        options={props.detail.forwardTargets.map((unit) => ({
          value: unit.id,
          label: tenantName(unit, i18n.locale()),
        }))}
        error={message('responsibleTenantId', 'toTenantId')}
        onChange={(value) => draft.setValues('responsibleTenantId', value)}
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
