import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';

import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** The token format of the server's one-time links (32 base32 letters, lower case). */
const tokenPattern = /^[a-z2-7]{32}$/;

/**
 * Choosing a password from a one-time link (a new account's set-up link or a reset link).
 * It works without a session; a successful reset ends every session of the account.
 */
export default function PasswordReset() {
  const { api, i18n } = useApp();
  const [searchParams] = useSearchParams<{ token?: string }>();
  const [password, setPassword] = createSignal('');
  const [repeated, setRepeated] = createSignal('');
  const [mismatch, setMismatch] = createSignal(false);
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [isDone, setDone] = createSignal(false);
  const token = () => searchParams.token ?? '';
  const isLinkRejected = () => {
    const failure = error();
    return failure instanceof ApiError && failure.code === 'not_found';
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (isBusy()) {
      return;
    }
    setMismatch(password() !== repeated());
    if (mismatch()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.call(
        api.client.POST('/auth/password-reset', {
          body: { token: token(), newPassword: password() },
        }),
        { isAuthStep: true },
      );
      setPassword('');
      setRepeated('');
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <Switch>
        <Match when={isDone()}>
          <PageHeading title={i18n.t('reset.doneTitle')} description={i18n.t('reset.doneText')} />
          <p>
            <A class="button button--primary" href={paths.signIn}>
              {i18n.t('reset.toSignIn')}
            </A>
          </p>
        </Match>
        <Match when={!tokenPattern.test(token())}>
          <PageHeading
            title={i18n.t('reset.badLinkTitle')}
            description={i18n.t('reset.badLinkText')}
          />
        </Match>
        <Match when={true}>
          <PageHeading title={i18n.t('reset.title')} description={i18n.t('reset.intro')} />
          <form class="form" onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              label={i18n.t('password.new')}
              hint={i18n.t('password.hint')}
              type="password"
              autocomplete="new-password"
              value={password()}
              onInput={setPassword}
              error={error() ? describeError(error(), i18n.t).fieldMessages.newPassword : undefined}
              isRequired
            />
            <TextField
              label={i18n.t('password.repeat')}
              type="password"
              autocomplete="new-password"
              value={repeated()}
              onInput={setRepeated}
              error={mismatch() ? i18n.t('password.mismatch') : undefined}
              isRequired
            />
            <Show when={error()}>
              <Show when={isLinkRejected()} fallback={<ErrorNotice error={error()} />}>
                <div class="notice notice--error" role="alert">
                  <p class="notice__title">{i18n.t('reset.rejectedLink')}</p>
                </div>
              </Show>
            </Show>
            <div class="form__actions">
              <SubmitButton isBusy={isBusy()}>{i18n.t('reset.submit')}</SubmitButton>
            </div>
          </form>
        </Match>
      </Switch>
    </AuthLayout>
  );
}
