import { createSignal, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { OneTimeLink } from './OneTimeLink.tsx';
import { SubmitButton } from './SubmitButton.tsx';

export type AccountActionsProps = {
  userId: string;
  displayName: string;
  /** The portal the request acts through; none for the board's own screen. */
  tenantId?: string;
  canIssueReset: boolean;
  canRevokeSessions: boolean;
};

/** A person's account help: a one-time password reset link, and ending all their sessions. */
export function AccountActions(props: AccountActionsProps) {
  const { api, i18n } = useApp();
  const [resetUrl, setResetUrl] = createSignal<string>();
  const [ended, setEnded] = createSignal<number>();
  const [busy, setBusy] = createSignal<'reset' | 'revoke'>();
  const [error, setError] = createSignal<{ action: 'reset' | 'revoke'; failure: unknown }>();
  const body = () => (props.tenantId ? { tenantId: props.tenantId } : {});
  const params = () => ({ path: { userId: props.userId } });

  const issueReset = async () => {
    setBusy('reset');
    setError(undefined);
    try {
      const result = await api.call(
        api.client.POST('/users/{userId}/password-reset', { params: params(), body: body() }),
      );
      setResetUrl(result.resetUrl);
    } catch (failure) {
      setError({ action: 'reset', failure });
    } finally {
      setBusy(undefined);
    }
  };

  const revoke = async () => {
    setBusy('revoke');
    setError(undefined);
    try {
      const result = await api.call(
        api.client.POST('/users/{userId}/revoke-sessions', { params: params(), body: body() }),
      );
      setEnded(result.ended);
    } catch (failure) {
      setError({ action: 'revoke', failure });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Show when={props.canIssueReset || props.canRevokeSessions}>
      <section class="dialog__section">
        <h3 class="dialog__section-title">{i18n.t('account.title')}</h3>
        <div class="form__actions">
          <Show when={props.canIssueReset}>
            <SubmitButton
              type="button"
              variant="secondary"
              isBusy={busy() === 'reset'}
              busyLabel={i18n.t('account.resetBusy')}
              onClick={() => void issueReset()}
            >
              {i18n.t('account.reset')}
            </SubmitButton>
          </Show>
          <Show when={props.canRevokeSessions}>
            <SubmitButton
              type="button"
              variant="secondary"
              isBusy={busy() === 'revoke'}
              busyLabel={i18n.t('account.revokeBusy')}
              onClick={() => void revoke()}
            >
              {i18n.t('account.revoke')}
            </SubmitButton>
          </Show>
        </div>
        <Show when={resetUrl()}>
          {(url) => (
            <OneTimeLink
              url={url()}
              label={i18n.t('account.resetLinkLabel')}
              explanation={i18n.t('account.resetExplanation', { name: props.displayName })}
            />
          )}
        </Show>
        <p role="status" class="muted">
          {ended() !== undefined ? i18n.t('account.revoked', { count: ended()! }) : ''}
        </p>
        <Show when={error()}>
          {(current) => (
            <ErrorNotice
              error={current().failure}
              onRetry={() => void (current().action === 'reset' ? issueReset() : revoke())}
            />
          )}
        </Show>
      </section>
    </Show>
  );
}
