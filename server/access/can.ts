import type { BoardRole, TenantRole } from '../db/schema/index.ts';
import { permissionTable, type Action } from './permissions.ts';

/** The signed-in person a request acts for. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  boardRoles: ReadonlySet<BoardRole>;
  /** Tenant roles by tenant id. */
  memberships: ReadonlyMap<string, ReadonlySet<TenantRole>>;
};

/** The target of an action: one portal, or the platform as a whole (no tenant). */
export type Resource =
  | { kind: 'tenant'; tenantId: string; tenantKind: 'main' | 'hosted' | 'independent' }
  | { kind: 'platform' };

function hasAny<T>(held: ReadonlySet<T> | undefined, allowed: readonly T[]): boolean {
  return held !== undefined && allowed.some((role) => held.has(role));
}

/** Decides whether an actor may take an action on a resource, from the permission table. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = permissionTable[action];
  if (hasAny(actor.boardRoles, rule.board)) {
    return true;
  }
  if (resource.kind === 'platform') {
    return false;
  }
  if (resource.tenantKind === 'main' && hasAny(actor.boardRoles, rule.boardOnMain ?? [])) {
    return true;
  }

  return hasAny(actor.memberships.get(resource.tenantId), rule.tenant);
}
