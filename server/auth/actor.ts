import { eq } from 'drizzle-orm';

import type { Actor } from '../access/can.ts';
import { boardRoles, memberships, type BoardRole, type TenantRole } from '../db/schema/index.ts';
import { withUserScope } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import type { SessionUser } from './sessions.ts';

/** Loads the roles of a signed-in user into an actor for `can()`. */
export async function loadActor(db: Db, user: SessionUser): Promise<Actor> {
  const { board, tenantRoles } = await withUserScope(db, user.id, async (tx) => ({
    board: await tx.select().from(boardRoles).where(eq(boardRoles.userId, user.id)),
    tenantRoles: await tx.select().from(memberships).where(eq(memberships.userId, user.id)),
  }));

  const byTenant = new Map<string, Set<TenantRole>>();
  for (const membership of tenantRoles) {
    const roles = byTenant.get(membership.tenantId) ?? new Set<TenantRole>();
    roles.add(membership.role);
    byTenant.set(membership.tenantId, roles);
  }

  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    boardRoles: new Set<BoardRole>(board.map((row) => row.role)),
    memberships: byTenant,
  };
}

/** Tells whether the actor has a role that requires a second factor at sign-in. */
export function needsSecondFactor(actor: Actor, secondFactorRoles: readonly string[]): boolean {
  const held = [
    ...actor.boardRoles,
    ...[...actor.memberships.values()].flatMap((roles) => [...roles]),
  ];

  return held.some((role) => secondFactorRoles.includes(role));
}
