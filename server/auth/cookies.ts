import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import type { AppEnv } from '../app-env.ts';

/**
 * Over HTTPS the cookie gets the `__Host-` prefix, which browsers accept only with `Secure`,
 * `Path=/` and no `Domain`, so it can never be shared with the units' subdomains.
 */
function cookieName(c: Context<AppEnv>): string {
  return c.var.origin.protocol === 'https' ? '__Host-portal_session' : 'portal_session';
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookieName(c));
}

/** Sets the host-only session cookie, expiring with the session's absolute lifetime. */
export function writeSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.origin.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, cookieName(c), { path: '/', secure: c.var.origin.protocol === 'https' });
}
