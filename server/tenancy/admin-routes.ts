import { createRoute } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { createApiRouter, errorResponses, jsonResponse, z } from '../api/openapi.ts';
import { requireAuth } from '../auth/middleware.ts';
import { tenantDomains, tenants } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';

const tenantKind = z.enum(['main', 'hosted', 'independent']);
const tenantStatus = z.enum(['active', 'suspended']);
const bilingual = z.object({ vi: z.string(), en: z.string().optional() });

const TenantListSchema = z
  .object({
    tenants: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        kind: tenantKind,
        status: tenantStatus,
        nameVi: z.string(),
        nameEn: z.string().nullable(),
      }),
    ),
  })
  .openapi('TenantList');

const TenantDirectorySchema = z
  .object({
    tenants: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        kind: tenantKind,
        status: tenantStatus,
        nameVi: z.string(),
        nameEn: z.string().nullable(),
        abbreviation: z.string(),
        externalUrl: z.string().nullable(),
        domains: z.array(z.object({ hostname: z.string(), isCanonical: z.boolean() })),
        operator: z.object({
          agency: bilingual,
          responsiblePerson: z.string(),
          responsibleTitle: bilingual.optional(),
          address: bilingual,
          phone: z.string(),
          fax: z.string().optional(),
          email: z.string(),
        }),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi('TenantDirectory');

async function visibleTenants(db: Parameters<typeof withoutTenant>[0], actor: Actor) {
  const rows = await withoutTenant(db, (tx) =>
    tx.select().from(tenants).orderBy(asc(tenants.sortOrder), asc(tenants.slug)),
  );
  return rows.filter((tenant) =>
    can(actor, 'tenant.read', { kind: 'tenant', tenantId: tenant.id, tenantKind: tenant.kind }),
  );
}

type Actor = ReturnType<typeof requireAuth>['actor'];

/**
 * Creates the portal routes: the portals a user may act on, and their directory entries with
 * every hostname. Portals and domains are defined in the tenant files and written by
 * `tenants:sync`, so these routes only read.
 */
export function createTenantAdminRoutes() {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/tenants',
      summary: 'The portals this user may act on: all of them for the board',
      tags: ['tenants'],
      responses: { 200: jsonResponse(TenantListSchema, 'Portals'), ...errorResponses },
    }),
    async (c) => {
      const { actor } = requireAuth(c);
      const visible = await visibleTenants(c.var.db, actor);
      return c.json(
        {
          tenants: visible.map((tenant) => ({
            id: tenant.id,
            slug: tenant.slug,
            kind: tenant.kind,
            status: tenant.status,
            nameVi: tenant.nameVi,
            nameEn: tenant.nameEn,
          })),
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/tenants/directory',
      summary: 'Directory entries of the portals this user may act on, with every hostname',
      tags: ['tenants'],
      responses: { 200: jsonResponse(TenantDirectorySchema, 'Directory'), ...errorResponses },
    }),
    async (c) => {
      const { actor } = requireAuth(c);
      const visible = await visibleTenants(c.var.db, actor);
      const domains = await withoutTenant(c.var.db, (tx) =>
        tx.select().from(tenantDomains).orderBy(asc(tenantDomains.hostname)),
      );
      return c.json(
        {
          tenants: visible.map((tenant) => ({
            id: tenant.id,
            slug: tenant.slug,
            kind: tenant.kind,
            status: tenant.status,
            nameVi: tenant.nameVi,
            nameEn: tenant.nameEn,
            abbreviation: tenant.abbreviation,
            externalUrl: tenant.externalUrl,
            // The canonical host first, then the aliases that redirect to it.
            domains: domains
              .filter((domain) => domain.tenantId === tenant.id)
              .sort((left, right) => Number(right.isCanonical) - Number(left.isCanonical))
              .map((domain) => ({ hostname: domain.hostname, isCanonical: domain.isCanonical })),
            operator: tenant.operator,
            updatedAt: tenant.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  return router;
}
