import { createSignal, Show } from 'solid-js';

import { describeError } from '../api/describe-error.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';

type Method = 'totp' | 'recovery';

/** The second sign-in step: a code from the authenticator app, or a one-time recovery code. */
export default function SecondFactor() {
  const { api, session, i18n } = useApp();
  const [method, setMethod] = createSignal<Method>('totp');
  const [code, setCode] = createSignal('');
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  const switchMethod = (next: Method) => {
    setMethod(next);
    setCode('');
    setError(undefined);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    const body = { code: code().replace(/\s+/g, '') };
    const request =
      method() === 'totp'
        ? api.client.POST('/auth/second-factor/verify', { body })
        : api.client.POST('/auth/second-factor/recovery', { body });
    try {
      await api.call(request, { isAuthStep: true });
      await session.refresh();
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    await session.signOut().catch(() => undefined);
  };

  return (
    <AuthLayout>
      <PageHeading
        title={i18n.t('secondFactor.title')}
        description={
          method() === 'totp'
            ? i18n.t('secondFactor.introTotp')
            : i18n.t('secondFactor.introRecovery')
        }
      />
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <Show
          when={method() === 'totp'}
          fallback={
            <TextField
              label={i18n.t('secondFactor.recoveryCode')}
              hint={i18n.t('secondFactor.recoveryHint')}
              value={code()}
              onInput={setCode}
              autocomplete="off"
              spellcheck={false}
              error={error() ? describeError(error(), i18n.t).fieldMessages.code : undefined}
              isRequired
            />
          }
        >
          <TextField
            label={i18n.t('secondFactor.code')}
            hint={i18n.t('secondFactor.codeHint')}
            value={code()}
            onInput={setCode}
            autocomplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            isShort
            error={error() ? describeError(error(), i18n.t).fieldMessages.code : undefined}
            isRequired
          />
        </Show>
        <Show when={error()}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="form__actions">
          <SubmitButton isBusy={isBusy()} busyLabel={i18n.t('secondFactor.busy')}>
            {i18n.t('secondFactor.submit')}
          </SubmitButton>
          <button type="button" class="button button--quiet" onClick={() => void cancel()}>
            {i18n.t('secondFactor.cancel')}
          </button>
        </div>
      </form>
      <p class="auth__aside">
        <button
          type="button"
          class="link-button"
          onClick={() => switchMethod(method() === 'totp' ? 'recovery' : 'totp')}
        >
          {method() === 'totp'
            ? i18n.t('secondFactor.useRecovery')
            : i18n.t('secondFactor.useTotp')}
        </button>
      </p>
    </AuthLayout>
  );
}
