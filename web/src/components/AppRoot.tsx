import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect, Match, onMount, Switch, type ParentProps } from 'solid-js';

import { pathInAdmin } from '../paths.ts';
import { sessionRedirect } from '../session-redirect.ts';
import { useApp } from '../stores/app-context.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/**
 * The router's root. It loads the session from the server, then keeps the user on the step the
 * session is at (sign-in, code, set-up, or the admin itself).
 */
export function AppRoot(props: ParentProps) {
  const { session, i18n } = useApp();
  const location = useLocation();
  const navigate = useNavigate();

  const unreachableError = () => {
    const state = session.state();
    return state.status === 'unreachable' ? state.error : undefined;
  };

  onMount(() => void session.refresh());

  createEffect(() => {
    const next = new URLSearchParams(location.search).get('tiep');
    const target = sessionRedirect(
      session.state(),
      pathInAdmin(location.pathname),
      next ?? undefined,
    );
    if (target) {
      navigate(target, { replace: true });
    }
  });

  return (
    <Switch fallback={props.children}>
      <Match when={session.state().status === 'loading'}>
        <p class="loading-screen">{i18n.t('common.loading')}</p>
      </Match>
      <Match when={unreachableError()}>
        {(error) => (
          <AuthLayout>
            <h1 class="auth__title">{i18n.t('startup.title')}</h1>
            <ErrorNotice error={error()} onRetry={() => void session.refresh()} />
          </AuthLayout>
        )}
      </Match>
    </Switch>
  );
}
