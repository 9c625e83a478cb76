import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

/** Tells the user when the server cannot be reached, and that their typing is kept. */
export function ConnectionBanner() {
  const { connection, i18n } = useApp();

  return (
    <div role="status" class="connection-banner-region">
      <Show when={!connection.isOnline()}>
        <div class="connection-banner">
          <p>
            <strong>{i18n.t('connection.lost')}</strong> {i18n.t('connection.kept')}
          </p>
          <button
            type="button"
            class="button button--secondary"
            aria-busy={connection.isChecking() ? 'true' : undefined}
            onClick={() => connection.retryNow()}
          >
            {connection.isChecking() ? i18n.t('connection.checking') : i18n.t('connection.retry')}
          </button>
        </div>
      </Show>
    </div>
  );
}
