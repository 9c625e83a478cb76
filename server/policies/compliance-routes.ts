import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';

import { tenantResource } from '../access/context.ts';
import { createApiRouter, errorResponses, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { requireAuth, requirePermission } from '../auth/middleware.ts';
import { findTenant } from '../users/accounts.ts';
import { complianceCsv } from './compliance-csv.ts';
import {
  complianceSortKeys,
  platformCompliance,
  sortCompliance,
  tenantCompliance,
  type ComplianceOverview,
} from './compliance.ts';
import { policyDefaultsFromConfig } from './registry.ts';

const ComplianceQuerySchema = z.object({
  tenantId: z.uuid().optional(),
  sort: z.enum(complianceSortKeys).default('tenant'),
  order: z.enum(['asc', 'desc']).optional(),
});

const CountsSchema = z.object({
  missingCategories: z.number().int(),
  missingOperatorFields: z.number().int(),
  overdueItems: z.number().int(),
  pendingReviews: z.number().int(),
  overdueFeedback: z.number().int(),
  stalePages: z.number().int(),
  usersWithoutSecondFactor: z.number().int(),
  overridesInForce: z.number().int(),
  findings: z.number().int(),
});

const UserSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});

const ItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  slug: z.string(),
  titleVi: z.string().nullable(),
  status: z.string(),
});

const TenantComplianceSchema = z.object({
  tenant: z.object({ id: z.string(), slug: z.string(), kind: z.string(), nameVi: z.string() }),
  missingCategories: z.array(z.object({ key: z.string(), nameVi: z.string(), nameEn: z.string() })),
  missingOperatorFields: z.array(z.string()),
  overdueItems: z.array(ItemSchema.extend({ dueAt: z.string(), hoursOverdue: z.number() })),
  pendingReviews: z.array(
    ItemSchema.extend({ waitingSince: z.string(), hoursWaiting: z.number() }),
  ),
  overdueFeedback: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      subject: z.string(),
      status: z.string(),
      receivedAt: z.string(),
      dueAt: z.string(),
      daysOverdue: z.number(),
      receivedByTenantId: z.string(),
    }),
  ),
  stalePages: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      titleVi: z.string().nullable(),
      updatedAt: z.string(),
      daysSinceUpdate: z.number(),
    }),
  ),
  usersWithoutSecondFactor: z.array(UserSchema),
  overrides: z.array(
    z.object({
      key: z.string(),
      value: z.unknown(),
      status: z.enum(['in_force', 'superseded', 'set_aside']),
      problem: z.string().nullable(),
    }),
  ),
  counts: CountsSchema,
});

const OverviewSchema = z
  .object({
    generatedAt: z.string(),
    tenants: z.array(TenantComplianceSchema),
    board: z.object({ usersWithoutSecondFactor: z.array(UserSchema) }).nullable(),
  })
  .openapi('ComplianceOverview');

/**
 * Builds the overview the request names: one portal's, after checking `compliance.read` on
 * it, or every portal's for the board.
 */
async function readOverview(c: Context<AppEnv>, tenantId: string | undefined) {
  const options = { defaults: policyDefaultsFromConfig(c.var.config) };
  if (!tenantId) {
    const { actor } = requireAuth(c);
    return platformCompliance(c.var.db, actor, options);
  }
  const tenant = await findTenant(c.var.db, tenantId);
  requirePermission(c, 'compliance.read', tenantResource(tenant));

  return tenantCompliance(c.var.db, tenant, options);
}

function sorted(overview: ComplianceOverview, query: z.infer<typeof ComplianceQuerySchema>) {
  return { ...overview, tenants: sortCompliance(overview.tenants, query.sort, query.order) };
}

/** Creates the compliance overview routes, `/compliance` as JSON and `/compliance.csv`. */
export function createComplianceRoutes() {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/compliance',
      summary: 'What each portal falls short of: every portal for the board, or one',
      tags: ['compliance'],
      request: { query: ComplianceQuerySchema },
      responses: { 200: jsonResponse(OverviewSchema, 'The overview'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const overview = await readOverview(c, query.tenantId);
      return c.json(sorted(overview, query), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/compliance.csv',
      summary: 'The compliance overview as CSV, one row per finding',
      tags: ['compliance'],
      request: { query: ComplianceQuerySchema },
      responses: {
        200: {
          content: { 'text/csv': { schema: z.string() } },
          description: 'CSV with a header row, UTF-8 with a byte order mark',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const overview = sorted(await readOverview(c, query.tenantId), query);
      const date = overview.generatedAt.slice(0, 10);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="tuan-thu-${date}.csv"`);
      return c.body(complianceCsv(overview), 200);
    },
  );

  return router;
}
