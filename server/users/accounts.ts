import { and, eq, inArray } from 'drizzle-orm';

import { can, type Actor } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { normaliseEmail } from '../auth/login.ts';
import { issuePasswordReset } from '../auth/password-changes.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import {
  boardRoles,
  memberships,
  tenants,
  users,
  type BoardRole,
  type TenantRole,
} from '../db/schema/index.ts';
import { withoutTenant, withTenant, withUserScope } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';

export type { ActingContext, TenantRef };

/** A user as staff screens show it: no password hash, no keys. */
export type UserSummary = {
  id: string;
  email: string;
  displayName: string;
  jobTitle: string | null;
  status: 'active' | 'disabled';
  hasSecondFactor: boolean;
  lastLoginAt: string | null;
};

type UserRow = typeof users.$inferSelect;

export function presentUser(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    jobTitle: row.jobTitle,
    status: row.status,
    hasSecondFactor: row.totpKey !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export async function findTenant(db: Db, tenantId: string): Promise<TenantRef> {
  const [tenant] = await withoutTenant(db, (tx) =>
    tx
      .select({ id: tenants.id, slug: tenants.slug, kind: tenants.kind })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  if (!tenant) {
    throw new AppError('not_found', 'No portal has this id');
  }

  return tenant;
}

/** Lists the members of one portal with their roles there. */
export async function listMembers(db: Db, tenant: TenantRef) {
  const rows = await withTenant(db, tenant.id, (tx) =>
    tx
      .select({ user: users, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenant.id))
      .orderBy(users.displayName),
  );
  const byUser = new Map<string, UserSummary & { roles: TenantRole[] }>();
  for (const { user, role } of rows) {
    const entry = byUser.get(user.id) ?? { ...presentUser(user), roles: [] };
    entry.roles.push(role);
    byUser.set(user.id, entry);
  }

  return [...byUser.values()];
}

/**
 * Loads a user as a member of one portal. A user who is not a member there is "not found",
 * so a unit admin learns nothing about people outside the unit, whatever id is sent.
 */
export async function findMember(db: Db, tenant: TenantRef, userId: string) {
  const members = await withTenant(db, tenant.id, (tx) =>
    tx
      .select({ user: users, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId))),
  );
  const [first] = members;
  if (!first) {
    throw new AppError('not_found', 'No member of this portal has this id');
  }

  return { ...presentUser(first.user), roles: members.map((member) => member.role) };
}

export type AddMemberInput = {
  email: string;
  displayName: string;
  jobTitle?: string | undefined;
  roles: TenantRole[];
};

/**
 * Adds a person to a portal with roles, creating the account when the email is new. A new
 * account gets a one-time set-up token (the same as a password reset), returned once.
 */
export async function addMember(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  input: AddMemberInput,
) {
  const email = normaliseEmail(input.email);
  const [existing] = await withoutTenant(db, (tx) =>
    tx.select().from(users).where(eq(users.email, email)),
  );

  return withTenant(db, tenant.id, async (tx) => {
    let user = existing;
    let setupToken: string | null = null;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({
          email,
          displayName: input.displayName.normalize('NFC'),
          jobTitle: input.jobTitle ?? null,
        })
        .returning();
      setupToken = await issuePasswordReset(tx, user!.id, context.actor.userId);
    }
    await replaceRoles(tx, context, tenant, user!.id, input.roles);

    return { user: presentUser(user!), roles: input.roles, setupToken };
  });
}

async function replaceRoles(
  tx: Tx,
  context: ActingContext,
  tenant: TenantRef,
  userId: string,
  roles: TenantRole[],
) {
  const before = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId)));
  await tx
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId)));
  if (roles.length > 0) {
    await tx.insert(memberships).values(
      [...new Set(roles)].map((role) => ({
        tenantId: tenant.id,
        userId,
        role,
        createdBy: context.actor.userId,
      })),
    );
  }
  await appendAudit(tx, {
    tenantId: tenant.id,
    actorUserId: context.actor.userId,
    action: 'membership.update',
    resourceType: 'user',
    resourceId: userId,
    before: { roles: before.map((row) => row.role).sort() },
    after: { roles: [...new Set(roles)].sort() },
    ipAddress: context.ipAddress,
    requestId: context.requestId,
  });
}

/** Replaces a member's roles on one portal; an empty list removes the membership. */
export async function setMemberRoles(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  userId: string,
  roles: TenantRole[],
) {
  await findMember(db, tenant, userId);
  await withTenant(db, tenant.id, (tx) => replaceRoles(tx, context, tenant, userId, roles));
}

/**
 * Checks that the actor may change a person's account (password, sessions): the board
 * leaders always; a unit admin only for people whose every membership is in units the actor
 * administers and who hold no board role, so no unit admin can take over a board account or
 * an account of another unit.
 */
export async function assertMayManageAccount(db: Db, actor: Actor, targetUserId: string) {
  if (can(actor, 'user.manage', { kind: 'platform' })) {
    return;
  }
  const target = await withUserScope(db, targetUserId, async (tx) => ({
    board: await tx.select().from(boardRoles).where(eq(boardRoles.userId, targetUserId)),
    tenantIds: (
      await tx
        .select({ tenantId: memberships.tenantId })
        .from(memberships)
        .where(eq(memberships.userId, targetUserId))
    ).map((row) => row.tenantId),
  }));
  const administered = [...target.tenantIds].every((tenantId) =>
    actor.memberships.get(tenantId)?.has('unit_admin'),
  );
  if (target.board.length > 0 || target.tenantIds.length === 0 || !administered) {
    throw new AppError(
      'forbidden',
      'This account also belongs to other units or to the board: ask the board to change it',
    );
  }
}

/** Issues a one-time password reset token for a user; the caller checks the permission. */
export async function createResetToken(db: Db, context: ActingContext, userId: string) {
  return withoutTenant(db, async (tx) => {
    const token = await issuePasswordReset(tx, userId, context.actor.userId);
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.actor.userId,
      action: 'auth.password_reset_issue',
      resourceType: 'user',
      resourceId: userId,
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return token;
  });
}

/** Ends every session of a user; the caller checks the permission. */
export async function revokeSessions(db: Db, context: ActingContext, userId: string) {
  return withoutTenant(db, async (tx) => {
    const ended = await deleteUserSessions(tx, userId);
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.actor.userId,
      action: 'session.revoke_all',
      resourceType: 'user',
      resourceId: userId,
      after: { ended },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return ended;
  });
}

/** Lists every user with their board roles, for the board. */
export async function listAllUsers(db: Db) {
  return withoutTenant(db, async (tx) => {
    const rows = await tx.select().from(users).orderBy(users.displayName);
    const roles = await tx.select().from(boardRoles);
    return rows.map((row) => ({
      ...presentUser(row),
      boardRoles: roles.filter((role) => role.userId === row.id).map((role) => role.role),
    }));
  });
}

/** Replaces a user's board roles. */
export async function setBoardRoles(
  db: Db,
  context: ActingContext,
  userId: string,
  roles: BoardRole[],
) {
  await withoutTenant(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) {
      throw new AppError('not_found', 'No user has this id');
    }
    const before = await tx.select().from(boardRoles).where(eq(boardRoles.userId, userId));
    await tx.delete(boardRoles).where(eq(boardRoles.userId, userId));
    const unique = [...new Set(roles)];
    if (unique.length > 0) {
      await tx
        .insert(boardRoles)
        .values(unique.map((role) => ({ userId, role, grantedBy: context.actor.userId })));
    }
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.actor.userId,
      action: 'board_role.update',
      resourceType: 'user',
      resourceId: userId,
      before: { roles: before.map((row) => row.role).sort() },
      after: { roles: unique.sort() },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}

/** Creates an account with board roles and returns its one-time set-up token. */
export async function createBoardUser(
  db: Db,
  context: ActingContext,
  input: { email: string; displayName: string; jobTitle?: string | undefined; roles: BoardRole[] },
) {
  const email = normaliseEmail(input.email);
  const user = await withoutTenant(db, async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, [email]));
    if (existing) {
      throw new AppError('conflict', 'A user with this email exists already', {
        fields: [{ field: 'email', message: 'already in use' }],
      });
    }
    const [created] = await tx
      .insert(users)
      .values({
        email,
        displayName: input.displayName.normalize('NFC'),
        jobTitle: input.jobTitle ?? null,
      })
      .returning();
    return created!;
  });
  await setBoardRoles(db, context, user.id, input.roles);
  const setupToken = await createResetToken(db, context, user.id);

  return { user: presentUser(user), roles: input.roles, setupToken };
}

export { tenantResource };
