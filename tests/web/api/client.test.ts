import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../web/src/api/api-error.ts';
import { createApiClient, type ApiClientOptions } from '../../../web/src/api/client.ts';

const baseUrl = 'http://mic.localhost/api/admin';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function clientAnswering(
  answer: () => Response | Promise<Response>,
  options: ApiClientOptions = {},
) {
  const callbacks = {
    onNetworkFailure: vi.fn(),
    onServerReached: vi.fn(),
    onSessionEnded: vi.fn(),
    onEnrolmentRequired: vi.fn(),
  };
  const api = createApiClient({ baseUrl, fetch: async () => answer(), ...callbacks, ...options });
  return { api, ...callbacks };
}

async function failureOf(attempt: Promise<unknown>): Promise<ApiError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createApiClient', () => {
  it('returns the data of a successful call', async () => {
    const { api, onServerReached } = clientAnswering(() =>
      json(200, { tenants: [{ id: 't', slug: 'ais' }] }),
    );

    const result = await api.call(api.client.GET('/tenants'));

    expect(result.tenants[0]?.slug).toBe('ais');
    expect(onServerReached).toHaveBeenCalledOnce();
  });

  it('reports a call that got no response as a network error', async () => {
    const { api, onNetworkFailure, onServerReached } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });

    const error = await failureOf(api.call(api.client.GET('/tenants')));

    expect(error.code).toBe('network');
    expect(error.status).toBe(0);
    expect(onNetworkFailure).toHaveBeenCalledOnce();
    expect(onServerReached).not.toHaveBeenCalled();
  });

  it('reads the code, message and fields of an error body', async () => {
    const body = {
      error: {
        code: 'invalid_input',
        message: 'Invalid input: email',
        fields: [{ field: 'email', message: 'Invalid email address' }],
      },
    };
    const { api } = clientAnswering(() => json(400, body));

    const error = await failureOf(
      api.call(api.client.POST('/users', { body: { email: 'x', displayName: 'An' } })),
    );

    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Invalid input: email');
    expect(error.fields).toEqual([{ field: 'email', message: 'Invalid email address' }]);
  });

  it('ends the session on 401 from a call that needs one', async () => {
    const body = { error: { code: 'unauthenticated', message: 'Sign in first', fields: [] } };
    const { api, onSessionEnded } = clientAnswering(() => json(401, body));

    const error = await failureOf(api.call(api.client.GET('/tenants')));

    expect(error.code).toBe('unauthenticated');
    expect(onSessionEnded).toHaveBeenCalledOnce();
  });

  it('keeps the session on 401 from a sign-in step', async () => {
    const body = { error: { code: 'unauthenticated', message: 'Wrong password', fields: [] } };
    const { api, onSessionEnded } = clientAnswering(() => json(401, body));

    await failureOf(
      api.call(api.client.POST('/auth/login', { body: { email: 'a@b.vn', password: 'x' } }), {
        isAuthStep: true,
      }),
    );

    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('reads Retry-After of a 429', async () => {
    const body = { error: { code: 'rate_limited', message: 'Too many', fields: [] } };
    const { api } = clientAnswering(() => json(429, body, { 'retry-after': '120' }));

    const error = await failureOf(api.call(api.client.GET('/tenants')));

    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('treats a proxy error page as an unreachable server', async () => {
    const { api, onNetworkFailure } = clientAnswering(
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
    );

    const error = await failureOf(api.call(api.client.GET('/tenants')));

    expect(error.code).toBe('unavailable');
    expect(onNetworkFailure).toHaveBeenCalledOnce();
  });

  it('asks for enrolment when the server requires a second factor', async () => {
    const body = {
      error: {
        code: 'forbidden',
        message: 'Set up an authenticator app',
        fields: [{ field: 'secondFactor', message: 'enrolment required' }],
      },
    };
    const { api, onEnrolmentRequired, onSessionEnded } = clientAnswering(() => json(403, body));

    const error = await failureOf(api.call(api.client.GET('/tenants')));

    expect(error.isEnrolmentRequired).toBe(true);
    expect(onEnrolmentRequired).toHaveBeenCalledOnce();
    expect(onSessionEnded).not.toHaveBeenCalled();
  });
});
