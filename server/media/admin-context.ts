import type { Context } from 'hono';

import { tenantResource } from '../access/context.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePermission } from '../auth/middleware.ts';
import { findTenant } from '../users/accounts.ts';
import type { MediaLinkBase } from './admin-schemas.ts';
import { findCanonicalHost } from './library.ts';
import type { MediaStore } from './store.ts';
import type { UploadLimits } from './upload.ts';

export type MediaAdminOptions = {
  store: MediaStore;
  /** The upload limits in force for a tenant (the board's policy, or the defaults). */
  limitsFor: (tenantId: string) => Promise<UploadLimits>;
};

export type MediaAction = 'media.read' | 'media.upload' | 'media.delete';

/** Loads the tenant a request names and checks the action on it. Throws 404 or 403 otherwise. */
export async function authorizeMediaAction(
  c: Context<AppEnv>,
  tenantId: string,
  action: MediaAction,
) {
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));

  return { tenant, actor };
}

/**
 * Returns the base of a presented file's addresses: the tenant's canonical host, with this
 * request's scheme and port, because every portal is served by the same server.
 */
export async function linkBaseFor(c: Context<AppEnv>, tenantId: string): Promise<MediaLinkBase> {
  const { protocol, port } = c.var.origin;
  const host = await findCanonicalHost(c.var.db, tenantId);

  return { tenantId, publicOrigin: `${protocol}://${host}${port ? `:${port}` : ''}` };
}
