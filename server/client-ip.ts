import { isIP } from 'node:net';

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

import type { AppEnv } from './app-env.ts';

/**
 * Returns the client's IP address: the first `X-Forwarded-For` entry behind a trusted proxy,
 * else the socket's peer. Returns null when neither is a valid address (requests made in
 * process, as in tests, have no socket).
 */
export function clientIp(c: Context<AppEnv>): string | null {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && isIP(forwarded)) {
      return forwarded;
    }
  }
  try {
    const address = getConnInfo(c).remote.address;
    return address && isIP(address) ? address : null;
  } catch {
    return null;
  }
}
