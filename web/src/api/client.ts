import createClient from 'openapi-fetch';

import { ApiError } from './api-error.ts';
import type { components, paths } from './schema';

export type Me = components['schemas']['Me'];
export type Tenant = components['schemas']['TenantList']['tenants'][number];
export type Member = components['schemas']['Member'];
export type SessionInfo = components['schemas']['SessionList']['sessions'][number];
type UserList = paths['/users']['get']['responses'][200]['content']['application/json'];
export type ListedUser = UserList['users'][number];
export type BoardUser = Extract<ListedUser, { boardRoles: unknown }>;

export type ApiClientOptions = {
  /** Defaults to the admin API on this origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called when a request got no response, e.g. the network or the server is down. */
  onNetworkFailure?: () => void;
  /** Called after any response, so the connection banner can go away. */
  onServerReached?: () => void;
  /** Called on 401 from a call that needs a session: the session has ended. */
  onSessionEnded?: () => void;
  /** Called when the server refuses a call until the user sets up a second factor. */
  onEnrolmentRequired?: () => void;
};

export type CallOptions = {
  /** A sign-in step or the session check, where 401 is an answer rather than an ended session. */
  isAuthStep?: boolean;
};

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/**
 * Creates the typed client of the admin API. `call()` turns openapi-fetch's result into the
 * data, or throws an `ApiError` whose code is the server's (or `network`), after telling the
 * app about lost connections and ended sessions.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const client = createClient<paths>({
    // Absolute, because `new Request()` outside a browser page rejects a relative URL.
    baseUrl: options.baseUrl ?? new URL('/api/admin', window.location.origin).href,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    credentials: 'same-origin',
  });

  async function call<T>(request: Promise<Outcome<T>>, callOptions: CallOptions = {}): Promise<T> {
    let outcome: Outcome<T>;
    try {
      outcome = await request;
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        throw cause;
      }
      options.onNetworkFailure?.();
      throw new ApiError({ status: 0, code: 'network', message: 'No response', cause });
    }

    const { response } = outcome;
    if (response.status === 502 || response.status === 504) {
      // A proxy answered instead of the server.
      options.onNetworkFailure?.();
    } else {
      options.onServerReached?.();
    }
    if (response.ok) {
      return outcome.data as T;
    }

    const error = ApiError.fromResponse(response, outcome.error);
    if (error.code === 'unauthenticated' && !callOptions.isAuthStep) {
      options.onSessionEnded?.();
    }
    if (error.isEnrolmentRequired) {
      options.onEnrolmentRequired?.();
    }
    throw error;
  }

  return { client, call };
}

export type ApiClient = ReturnType<typeof createApiClient>;
