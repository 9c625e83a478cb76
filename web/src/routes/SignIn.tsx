import { createSignal, Show } from 'solid-js';

import { describeError } from '../api/describe-error.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';

/** Sign-in with email and password; the session store then sends the user to the next step. */
export default function SignIn() {
  const { api, session, i18n } = useApp();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const hasExpired = () => {
    const state = session.state();
    return state.status === 'signed-out' && state.hasExpired;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.call(
        api.client.POST('/auth/login', { body: { email: email().trim(), password: password() } }),
        { isAuthStep: true },
      );
      setPassword('');
      await session.refresh();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => {
    const failure = error();
    return failure ? describeError(failure, i18n.t).fieldMessages[field] : undefined;
  };

  return (
    <AuthLayout>
      <PageHeading title={i18n.t('signIn.title')} description={i18n.t('signIn.intro')} />
      <Show when={hasExpired()}>
        <div class="notice notice--info" role="status">
          <p>{i18n.t('signIn.expired')}</p>
        </div>
      </Show>
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={i18n.t('signIn.email')}
          type="email"
          name="email"
          autocomplete="username"
          value={email()}
          onInput={setEmail}
          error={fieldError('email')}
          isRequired
          spellcheck={false}
        />
        <TextField
          label={i18n.t('signIn.password')}
          type="password"
          name="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={fieldError('password')}
          isRequired
        />
        <Show when={error()}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="form__actions">
          <SubmitButton isBusy={isBusy()} busyLabel={i18n.t('signIn.busy')}>
            {i18n.t('signIn.submit')}
          </SubmitButton>
        </div>
      </form>
      <p class="auth__aside">{i18n.t('signIn.forgotten')}</p>
    </AuthLayout>
  );
}
