import { createSignal } from 'solid-js';

import { ApiError } from '../api/api-error.ts';
import type { ApiClient, Me } from '../api/client.ts';
import { clearUserDrafts } from './create-draft.ts';

/**
 * Where the signed-in person stands: the sign-in steps come first, in the order the server
 * enforces them (code from the authenticator app, then set-up when a role requires one).
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; hasExpired: boolean }
  | { status: 'second-factor'; me: Me }
  | { status: 'enrolment'; me: Me }
  | { status: 'ready'; me: Me }
  | { status: 'unreachable'; error: ApiError };

export function classifyMe(me: Me): SessionState {
  if (me.secondFactor.isPending) {
    return { status: 'second-factor', me };
  }
  if (me.secondFactor.isRequired && !me.secondFactor.isEnrolled) {
    return { status: 'enrolment', me };
  }
  return { status: 'ready', me };
}

/** Creates the session store; `refresh()` asks the server, the other methods follow its answers. */
export function createSession(api: () => ApiClient) {
  const [state, setState] = createSignal<SessionState>({ status: 'loading' });

  const refresh = async () => {
    try {
      const me = await api().call(api().client.GET('/auth/me'), { isAuthStep: true });
      setState(classifyMe(me));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthenticated') {
        setState({ status: 'signed-out', hasExpired: false });
        return;
      }
      setState({ status: 'unreachable', error: error as ApiError });
    }
  };

  /** The server answered 401 to a call that needed a session: show sign-in, keep drafts. */
  const markExpired = () => {
    if (state().status !== 'signed-out') {
      setState({ status: 'signed-out', hasExpired: true });
    }
  };

  /** Ends the session on the server; a session that has already ended counts as signed out. */
  const signOut = async () => {
    const current = state();
    try {
      await api().call(api().client.POST('/auth/logout', { body: {} }), { isAuthStep: true });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'unauthenticated')) {
        throw error;
      }
    }
    if ('me' in current) {
      clearUserDrafts(current.me.user.id);
    }
    setState({ status: 'signed-out', hasExpired: false });
  };

  const me = () => {
    const current = state();
    return 'me' in current ? current.me : undefined;
  };

  return { state, me, refresh, markExpired, signOut };
}

export type Session = ReturnType<typeof createSession>;
