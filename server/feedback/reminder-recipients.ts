import { and, asc, eq, inArray } from 'drizzle-orm';

import type { Action } from '../access/permissions.ts';
import { permissionTable } from '../access/permissions.ts';
import { boardRoles, memberships, tenants, users } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import type { PortalNames } from './notifier.ts';

export type ReminderAudience = { portal: PortalNames; recipients: string[] };

async function findStandingSection(db: Db): Promise<string[]> {
  const rows = await withoutTenant(db, (tx) =>
    tx
      .selectDistinct({ email: users.email })
      .from(boardRoles)
      .innerJoin(users, eq(users.id, boardRoles.userId))
      .where(and(eq(boardRoles.role, 'standing_staff'), eq(users.status, 'active')))
      .orderBy(asc(users.email)),
  );

  return rows.map((row) => row.email);
}

async function findMembers(db: Db, tenantId: string, action: Action): Promise<string[]> {
  const roles = permissionTable[action].tenant;
  if (roles.length === 0) {
    return [];
  }
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .selectDistinct({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, tenantId),
          inArray(memberships.role, [...roles]),
          eq(users.status, 'active'),
        ),
      )
      .orderBy(asc(users.email)),
  );

  return rows.map((row) => row.email);
}

/**
 * Returns the portal handling a case and the addresses of its active staff who may take
 * `action` there: the members whose tenant roles the permission table gives the action and, on
 * the main portal, the standing section. Board leaders are left out, although their roles reach
 * every portal, so that the deadlines of every unit do not all land with them.
 */
export async function findReminderAudience(
  db: Db,
  tenantId: string,
  action: Action,
): Promise<ReminderAudience> {
  const [tenant] = await withoutTenant(db, (tx) =>
    tx
      .select({ kind: tenants.kind, nameVi: tenants.nameVi, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  if (!tenant) {
    throw new Error(`No portal ${tenantId} to send a feedback reminder for`);
  }
  const members = await findMembers(db, tenantId, action);
  const standingSection = tenant.kind === 'main' ? await findStandingSection(db) : [];

  return {
    portal: { nameVi: tenant.nameVi, nameEn: tenant.nameEn },
    recipients: [...new Set([...standingSection, ...members])],
  };
}
