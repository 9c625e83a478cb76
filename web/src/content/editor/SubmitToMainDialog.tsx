import { A } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';

import { ApiError } from '../../api/api-error.ts';
import type { Tenant } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DraftNotice } from '../../components/DraftNotice.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { submissionPath } from '../../paths.ts';
import { useApp } from '../../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../../stores/create-draft.ts';
import { submitToMainPortal, type SubmissionText } from './editor-api.ts';
import type { Provenance } from './item-types.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { problemsFromServer, type FormProblems } from './validate-item.ts';

export type SubmitToMainDialogProps = {
  tenant: Tenant;
  /** The text on screen, sent as a new submission. */
  text: () => SubmissionText;
  /** A published item is offered as it is live: the server sends its published revision. */
  sourceItemId?: string | undefined;
  onClose: () => void;
};

type ProvenanceValues = Required<Omit<Provenance, 'sourceItemId'>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sends an item from a unit to the main portal with the sender's details. The server requires
 * them because the unit is accountable for what it sends.
 */
export function SubmitToMainDialog(props: SubmitToMainDialogProps) {
  const { api, session, i18n } = useApp();
  const me = session.me();
  const draft = createDraft<ProvenanceValues>({
    key: `${me?.user.id}.provenance.${props.tenant.id}`,
    initial: {
      senderName: me?.user.displayName ?? '',
      senderTitle: me?.user.jobTitle ?? '',
      senderEmail: me?.user.email ?? '',
      senderPhone: '',
      purpose: '',
    },
  });
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [problems, setProblems] = createSignal<FormProblems>({});
  const [sentId, setSentId] = createSignal<string>();

  const check = (values: ProvenanceValues): FormProblems => {
    const found: FormProblems = {};
    const tooShort = (value: string, min: number) => value.trim().length < min;
    if (tooShort(values.senderName, 2)) {
      found['provenance.senderName'] = i18n.t('field.minLength', { count: 2 });
    }
    if (tooShort(values.senderTitle, 2)) {
      found['provenance.senderTitle'] = i18n.t('field.minLength', { count: 2 });
    }
    if (values.senderEmail.trim() && !emailPattern.test(values.senderEmail.trim())) {
      found['provenance.senderEmail'] = i18n.t('editor.problem.email');
    }
    if (tooShort(values.purpose, 3)) {
      found['provenance.purpose'] = i18n.t('field.minLength', { count: 3 });
    }
    return found;
  };

  const send = async () => {
    if (isBusy()) {
      return;
    }
    const values = draftSnapshot(draft);
    const found = check(values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const provenance: Provenance = {
      senderName: values.senderName.trim(),
      senderTitle: values.senderTitle.trim(),
      purpose: values.purpose.trim(),
      ...(values.senderEmail.trim() ? { senderEmail: values.senderEmail.trim() } : {}),
      ...(values.senderPhone.trim() ? { senderPhone: values.senderPhone.trim() } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      const sent = await submitToMainPortal(
        api,
        props.tenant.id,
        props.sourceItemId
          ? { provenance, sourceItemId: props.sourceItemId }
          : { provenance, ...props.text() },
      );
      draft.clear();
      setSentId(sent.itemId);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError) {
        setProblems(problemsFromServer(failure.fields, i18n.t));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ProvenanceValues) => ({
    value: draft.values[name],
    onInput: (value: string) => draft.setValues(name, value),
    error: problems()[`provenance.${name}`],
  });

  return (
    <Dialog
      title={i18n.t('editor.submit.title')}
      description={i18n.t(
        props.sourceItemId ? 'editor.submit.introPublished' : 'editor.submit.introDraft',
      )}
      onClose={props.onClose}
      isWide
    >
      <Switch>
        <Match when={sentId()}>
          {(itemId) => (
            <>
              <div class="notice notice--success" role="status">
                <p>{i18n.t('editor.submit.sent')}</p>
              </div>
              <div class="form__actions">
                <A class="button button--secondary" href={submissionPath(itemId())}>
                  {i18n.t('editor.submit.follow')}
                </A>
                <button
                  type="button"
                  class="button button--primary"
                  onClick={() => props.onClose()}
                >
                  {i18n.t('common.done')}
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={true}>
          <form
            class="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <Show when={draft.wasRestored()}>
              <DraftNotice onDiscard={() => draft.clear()} />
            </Show>
            <p class="editor-submit__title">
              {i18n.t('editor.submit.what', { title: props.text().titleVi || '—' })}
            </p>
            <p class="muted">{i18n.t('editor.submit.noMedia')}</p>
            <TextField
              label={i18n.t('editor.submit.senderName')}
              {...field('senderName')}
              autocomplete="name"
              maxLength={200}
              isRequired
            />
            <TextField
              label={i18n.t('editor.submit.senderTitle')}
              hint={i18n.t('editor.submit.senderTitleHint')}
              {...field('senderTitle')}
              autocomplete="organization-title"
              maxLength={200}
              isRequired
            />
            <TextField
              label={i18n.t('editor.submit.senderEmail')}
              type="email"
              {...field('senderEmail')}
              autocomplete="email"
              isOptional
            />
            <TextField
              label={i18n.t('editor.submit.senderPhone')}
              {...field('senderPhone')}
              autocomplete="tel"
              inputMode="tel"
              maxLength={30}
              isOptional
            />
            <TextAreaField
              label={i18n.t('editor.submit.purpose')}
              hint={i18n.t('editor.submit.purposeHint')}
              {...field('purpose')}
              maxLength={1000}
              isRequired
              rows={3}
            />
            <Show when={error()}>
              <ErrorNotice error={error()} onRetry={() => void send()} isDraftKept />
            </Show>
            <div class="form__actions">
              <SubmitButton isBusy={isBusy()} busyLabel={i18n.t('editor.submit.busy')}>
                {i18n.t('editor.submit.send')}
              </SubmitButton>
              <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
                {i18n.t('common.cancel')}
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </Dialog>
  );
}
