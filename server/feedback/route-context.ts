import type { Context } from 'hono';

import { tenantResource, type ActingContext } from '../access/context.ts';
import type { Action } from '../access/permissions.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { findTenant } from '../users/accounts.ts';

/** Builds the acting context of a request: the user, the address and the request id. */
export function acting(c: Context<AppEnv>, actor: ActingContext['actor']): ActingContext {
  return { actor, ipAddress: clientIp(c), requestId: c.var.requestId };
}

/**
 * Loads the portal a request names and checks that the user may take `action` on it. An
 * unknown portal is not found, and a portal the user may not act on is forbidden.
 */
export async function tenantFor(c: Context<AppEnv>, tenantId: string, action: Action) {
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));

  return { tenant, context: acting(c, actor) };
}
