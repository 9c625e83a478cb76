import type { Context, MiddlewareHandler } from 'hono';

import type { Action } from '../access/permissions.ts';
import { can, type Resource } from '../access/can.ts';
import type { AppEnv } from '../app-env.ts';
import { recordSecurityEvent } from '../audit/security-events.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { clientIp } from '../client-ip.ts';
import { securityPolicies } from '../policies/security.ts';
import { loadActor, needsSecondFactor } from './actor.ts';
import { readSessionCookie } from './cookies.ts';
import { validateSessionToken } from './sessions.ts';

/** Reads the session cookie and, for a valid session, puts the user and actor on the context. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async function loadSessionMiddleware(c, next) {
    const token = readSessionCookie(c);
    if (token && /^[a-z2-7]{32}$/.test(token)) {
      // The board's policies set session lifetimes and second-factor roles; the configured
      // values apply until it has.
      const policies = await securityPolicies(c.var.db, c.var.config);
      const found = await validateSessionToken(c.var.db, policies.sessions, token);
      if (found) {
        const actor = await loadActor(c.var.db, found.user);
        const hasSecondFactor = found.user.totpKey !== null;
        c.set('auth', {
          ...found,
          actor,
          mustEnrolSecondFactor:
            !hasSecondFactor && needsSecondFactor(actor, policies.secondFactorRoles),
          isSecondFactorPending: hasSecondFactor && !found.session.isSecondFactorVerified,
        });
        c.set('log', c.var.log.child({ userId: found.user.id }));
      }
    }

    await next();
  };
}

export type SessionRequirement = {
  /** Lets a session through whose second factor is still to be given (the TOTP step). */
  allowPendingSecondFactor?: boolean;
  /** Lets a user through who must still enrol a second factor (enrolment, password). */
  allowEnrolment?: boolean;
};

/** Returns the request's signed-in user, or throws 401/403 when the session may not act. */
export function requireAuth(c: Context<AppEnv>, requirement: SessionRequirement = {}) {
  const auth = c.var.auth;
  if (!auth) {
    throw new AppError('unauthenticated', 'Sign in first: there is no valid session');
  }
  if (auth.isSecondFactorPending && !requirement.allowPendingSecondFactor) {
    throw new AppError('unauthenticated', 'Enter the code from your authenticator app first');
  }
  if (auth.mustEnrolSecondFactor && !requirement.allowEnrolment) {
    throw new AppError(
      'forbidden',
      'Your role requires a second factor: set up an authenticator app before continuing',
      { fields: [{ field: 'secondFactor', message: 'enrolment required' }] },
    );
  }

  return auth;
}

/** Throws 403 unless the signed-in user may take the action on the resource. */
export function requirePermission(c: Context<AppEnv>, action: Action, resource: Resource) {
  const auth = requireAuth(c);
  if (!can(auth.actor, action, resource)) {
    throw new AppError('forbidden', `You are not allowed to do this (${action})`);
  }

  return auth;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Tells whether a request is a file upload, whose body is the raw file rather than JSON. */
export function isUploadRequest(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/admin\/media\/?$/.test(path);
}

/**
 * Guards the admin API against cross-site requests. Hono's `csrf()` checks only form bodies,
 * so here every state-changing call must be JSON (an upload: the raw file) and carry an
 * `Origin` equal to the admin origin (the request's own host, because the API is served only there).
 * A cross-site form cannot send either content type without a CORS preflight.
 */
export function verifyAdminOrigin(): MiddlewareHandler<AppEnv> {
  return async function verifyAdminOriginMiddleware(c, next) {
    if (!unsafeMethods.has(c.req.method)) {
      return next();
    }
    const contentType = c.req.header('content-type') ?? '';
    const expected = isUploadRequest(c.req.method, c.req.path)
      ? 'application/octet-stream'
      : 'application/json';
    if (!contentType.toLowerCase().startsWith(expected)) {
      throw new AppError('invalid_input', `Send the request body as ${expected}`, {
        fields: [{ field: 'content-type', message: `must be ${expected}` }],
      });
    }

    const { protocol, host, port } = c.var.origin;
    const adminOrigin = `${protocol}://${host}${port ? `:${port}` : ''}`;
    const origin = c.req.header('origin');
    if (origin !== adminOrigin) {
      await withoutTenant(c.var.db, (tx) =>
        recordSecurityEvent(tx, {
          type: 'csrf_rejected',
          userId: c.var.auth?.user.id,
          ipAddress: clientIp(c),
          userAgent: c.req.header('user-agent'),
          requestId: c.var.requestId,
          details: { origin: origin ?? null, path: c.req.path },
        }),
      );
      c.var.log.warn({ origin: origin ?? null, path: c.req.path }, 'cross-origin request rejected');
      throw new AppError('forbidden', 'The request came from another site (Origin check failed)');
    }

    await next();
  };
}
