// The server's own permission check, so the admin hides exactly what the server would refuse.
// Both files import types only, so nothing server-side reaches the browser bundle.
import { can, type Actor, type Resource } from '../../../server/access/can.ts';
import type { Action } from '../../../server/access/permissions.ts';
import type { Me, Tenant } from '../api/client.ts';
import { isBoardRole, isTenantRole, type BoardRole, type TenantRole } from './roles.ts';

export type { Action };

/** Builds the actor that `can()` expects from the `/auth/me` response. */
export function actorFromMe(me: Me): Actor {
  const memberships = new Map<string, ReadonlySet<TenantRole>>();
  for (const membership of me.memberships) {
    memberships.set(membership.tenantId, new Set(membership.roles.filter(isTenantRole)));
  }

  return {
    userId: me.user.id,
    email: me.user.email,
    displayName: me.user.displayName,
    boardRoles: new Set<BoardRole>(me.boardRoles.filter(isBoardRole)),
    memberships,
  };
}

export function tenantResource(tenant: Pick<Tenant, 'id' | 'kind'>): Resource {
  return { kind: 'tenant', tenantId: tenant.id, tenantKind: tenant.kind };
}

/** Checks whether the signed-in user may take an action on a portal, as the server would. */
export function canOnTenant(me: Me | undefined, action: Action, tenant: Tenant | undefined) {
  return (
    me !== undefined && tenant !== undefined && can(actorFromMe(me), action, tenantResource(tenant))
  );
}

/** Checks whether the signed-in user may take an action on the platform as a whole. */
export function canOnPlatform(me: Me | undefined, action: Action) {
  return me !== undefined && can(actorFromMe(me), action, { kind: 'platform' });
}

/** Lists the roles that apply to the user on a portal: board roles and the roles held there. */
export function rolesOnTenant(me: Me, tenantId: string | undefined) {
  const membership = me.memberships.find((candidate) => candidate.tenantId === tenantId);

  return {
    boardRoles: me.boardRoles.filter(isBoardRole),
    tenantRoles: (membership?.roles ?? []).filter(isTenantRole),
  };
}
