import { createSignal, Show } from 'solid-js';

import { describeError } from '../api/describe-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';

/**
 * Changing one's own password. Passwords are never kept as a draft, so a failed save keeps
 * them only in memory, ready for "Try again".
 */
export default function ChangePassword() {
  const { api, i18n } = useApp();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeated, setRepeated] = createSignal('');
  const [mismatch, setMismatch] = createSignal(false);
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [isDone, setDone] = createSignal(false);
  const fieldError = (field: string) => {
    const failure = error();
    return failure ? describeError(failure, i18n.t).fieldMessages[field] : undefined;
  };

  const save = async () => {
    if (isBusy()) {
      return;
    }
    setDone(false);
    setMismatch(next() !== repeated());
    if (mismatch()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.call(
        api.client.POST('/auth/password', {
          body: { currentPassword: current(), newPassword: next() },
        }),
      );
      setCurrent('');
      setNext('');
      setRepeated('');
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={i18n.t('password.title')} description={i18n.t('password.intro')} />
      <section class="panel panel--narrow">
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField
            label={i18n.t('password.current')}
            type="password"
            autocomplete="current-password"
            value={current()}
            onInput={setCurrent}
            error={fieldError('currentPassword')}
            isRequired
          />
          <TextField
            label={i18n.t('password.new')}
            hint={i18n.t('password.hint')}
            type="password"
            autocomplete="new-password"
            value={next()}
            onInput={setNext}
            error={fieldError('newPassword')}
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
            <ErrorNotice error={error()} onRetry={() => void save()} />
          </Show>
          <Show when={isDone()}>
            <div class="notice notice--success" role="status">
              <p>{i18n.t('password.done')}</p>
            </div>
          </Show>
          <div class="form__actions">
            <SubmitButton isBusy={isBusy()}>{i18n.t('password.submit')}</SubmitButton>
          </div>
        </form>
      </section>
    </>
  );
}
