import type { Actor } from '../../server/access/can.ts';
import type { ActingContext, TenantRef } from '../../server/access/context.ts';
import { withTenant } from '../../server/db/tenant-scope.ts';
import type { Db } from '../../server/db/types.ts';
import { seedCategories, findCategoryBySlug } from '../../server/content/categories.ts';
import type { WorkflowDependencies } from '../../server/workflow/apply-transition.ts';
import { loadWorkingCalendar } from '../../server/workflow/calendar.ts';
import type { BoardRole, TenantRole } from '../../server/db/schema/index.ts';

/** Workflow dependencies on a test database, recording which tenants' pages changed. */
export function testWorkflow(db: Db) {
  const changedTenants: string[] = [];
  const calendar = loadWorkingCalendar();
  const deps: WorkflowDependencies = {
    db,
    getCalendar: () => calendar,
    onPublicChange: (tenantId) => changedTenants.push(tenantId),
  };

  return { deps, changedTenants };
}

/** An actor with the given roles, acting from no particular address. */
export function actingAs(
  userId: string,
  roles: { board?: BoardRole[]; tenant?: { tenantId: string; roles: TenantRole[] }[] },
): ActingContext {
  const actor: Actor = {
    userId,
    email: `${userId}@mic.gov.vn`,
    displayName: 'Cán bộ thử nghiệm',
    boardRoles: new Set(roles.board ?? []),
    memberships: new Map(
      (roles.tenant ?? []).map((entry) => [entry.tenantId, new Set(entry.roles)]),
    ),
  };

  return { actor, ipAddress: null, requestId: 'test-request' };
}

export function tenantRef(tenant: {
  id: string;
  slug: string;
  kind: TenantRef['kind'];
}): TenantRef {
  return { id: tenant.id, slug: tenant.slug, kind: tenant.kind };
}

/** Seeds the template categories of a tenant and returns the id of one by slug. */
export async function categoryIdOf(db: Db, tenantId: string, slug: string): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    await seedCategories(tx, tenantId);
    const category = await findCategoryBySlug(tx, tenantId, slug);
    if (!category) {
      throw new Error(`no category ${slug}`);
    }
    return category.id;
  });
}
