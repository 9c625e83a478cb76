import { and, asc, eq, inArray, ne } from 'drizzle-orm';

import { tenants } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

/** A portal as the feedback screens name it: a responsible unit or a forwarding target. */
export type PortalName = { id: string; slug: string; nameVi: string; nameEn: string | null };

const portalColumns = {
  id: tenants.id,
  slug: tenants.slug,
  nameVi: tenants.nameVi,
  nameEn: tenants.nameEn,
};

/** Lists the names of the given portals in the admin's portal order. */
export async function listPortalNames(tx: Tx, ids: readonly string[]): Promise<PortalName[]> {
  if (ids.length === 0) {
    return [];
  }

  return tx
    .select(portalColumns)
    .from(tenants)
    .where(inArray(tenants.id, [...ids]))
    .orderBy(asc(tenants.sortOrder), asc(tenants.slug));
}

/**
 * Lists the active portals a case received by `ownerId` may be forwarded to. Independent portals
 * are left out: their units run their own sites and have no queue here.
 */
export async function listForwardTargets(tx: Tx, ownerId: string): Promise<PortalName[]> {
  return tx
    .select(portalColumns)
    .from(tenants)
    .where(
      and(eq(tenants.status, 'active'), ne(tenants.kind, 'independent'), ne(tenants.id, ownerId)),
    )
    .orderBy(asc(tenants.sortOrder), asc(tenants.slug));
}
