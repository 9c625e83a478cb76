import { A } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Switch } from 'solid-js';

import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { CopyButton } from '../components/CopyButton.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { QrCodeImage } from '../components/QrCodeImage.tsx';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

type Setup = { qrSvg: string; secret: string };

/** Groups a base32 secret in fours, as authenticator apps show it, so it can be typed. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Setting up an authenticator app: scan the QR code (or type the secret), confirm with a code,
 * then keep the ten recovery codes, which are shown only here.
 */
export default function Enrolment() {
  const { api, session, i18n } = useApp();
  const [setup, setSetup] = createSignal<Setup>();
  const [setupError, setSetupError] = createSignal<unknown>();
  const [code, setCode] = createSignal('');
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [recoveryCodes, setRecoveryCodes] = createSignal<string[]>();
  const [hasSaved, setSaved] = createSignal(false);

  const start = async () => {
    setSetupError(undefined);
    try {
      setSetup(await api.call(api.client.POST('/auth/second-factor/setup', { body: {} })));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') {
        // Already set up, e.g. in another tab: the session store moves on.
        await session.refresh();
        return;
      }
      setSetupError(failure);
    }
  };
  onMount(() => void start());

  const confirm = async (event: SubmitEvent) => {
    event.preventDefault();
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.call(
        api.client.POST('/auth/second-factor/enable', {
          body: { code: code().replace(/\s+/g, '') },
        }),
      );
      setRecoveryCodes(result.recoveryCodes);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout isWide>
      <Switch>
        <Match when={recoveryCodes()}>
          {(codes) => (
            <>
              <PageHeading
                title={i18n.t('recovery.title')}
                description={i18n.t('recovery.intro')}
              />
              <RecoveryCodes codes={codes()} accountEmail={session.me()?.user.email ?? ''} />
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={hasSaved()}
                  onChange={(event) => setSaved(event.currentTarget.checked)}
                />
                <span>{i18n.t('recovery.confirm')}</span>
              </label>
              <div class="form__actions">
                <button
                  type="button"
                  class="button button--primary"
                  aria-disabled={hasSaved() ? undefined : 'true'}
                  onClick={() => hasSaved() && void session.refresh()}
                >
                  {i18n.t('recovery.continue')}
                </button>
              </div>
              <Show when={!hasSaved()}>
                <p class="field__hint">{i18n.t('recovery.confirmFirst')}</p>
              </Show>
            </>
          )}
        </Match>
        <Match when={setupError()}>
          <PageHeading title={i18n.t('enrolment.title')} />
          <ErrorNotice error={setupError()} onRetry={() => void start()} />
        </Match>
        <Match when={setup()}>
          {(current) => (
            <>
              <PageHeading
                title={i18n.t('enrolment.title')}
                description={i18n.t('enrolment.intro')}
              />
              <ol class="steps">
                <li class="steps__item">
                  <h2 class="steps__title">{i18n.t('enrolment.stepScan')}</h2>
                  <div class="enrolment__scan">
                    <QrCodeImage svg={current().qrSvg} alt={i18n.t('enrolment.qrAlt')} />
                    <div>
                      <p>{i18n.t('enrolment.manual')}</p>
                      <p>
                        <code class="secret" data-secret={current().secret}>
                          {groupSecret(current().secret)}
                        </code>
                      </p>
                      <CopyButton text={current().secret} label={i18n.t('enrolment.secretLabel')} />
                    </div>
                  </div>
                </li>
                <li class="steps__item">
                  <h2 class="steps__title">{i18n.t('enrolment.stepConfirm')}</h2>
                  <form class="form" onSubmit={(event) => void confirm(event)} noValidate>
                    <TextField
                      label={i18n.t('secondFactor.code')}
                      hint={i18n.t('secondFactor.codeHint')}
                      value={code()}
                      onInput={setCode}
                      autocomplete="one-time-code"
                      inputMode="numeric"
                      maxLength={8}
                      isShort
                      error={
                        error() ? describeError(error(), i18n.t).fieldMessages.code : undefined
                      }
                      isRequired
                    />
                    <Show when={error()}>
                      <ErrorNotice error={error()} />
                    </Show>
                    <div class="form__actions">
                      <SubmitButton isBusy={isBusy()} busyLabel={i18n.t('secondFactor.busy')}>
                        {i18n.t('enrolment.submit')}
                      </SubmitButton>
                    </div>
                  </form>
                </li>
              </ol>
              <p class="auth__aside">
                <Show
                  when={session.state().status === 'ready'}
                  fallback={
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => void session.signOut()}
                    >
                      {i18n.t('signOut.button')}
                    </button>
                  }
                >
                  <A href={paths.dashboard}>{i18n.t('enrolment.later')}</A>
                </Show>
              </p>
            </>
          )}
        </Match>
        <Match when={true}>
          <p class="loading-screen">{i18n.t('common.loading')}</p>
        </Match>
      </Switch>
    </AuthLayout>
  );
}
