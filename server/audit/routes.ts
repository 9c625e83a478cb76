import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';

import { tenantResource } from '../access/context.ts';
import { withPlatform } from '../access/platform.ts';
import { createApiRouter, errorResponses, instant, jsonResponse, z } from '../api/openapi.ts';
import { requireAuth, requirePermission } from '../auth/middleware.ts';
import { queryRows } from '../db/raw-rows.ts';
import { auditLog, securityEvents, users } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { findTenant } from '../users/accounts.ts';
import { securityEventTypes } from './security-events.ts';

const AnyObject = z.record(z.string(), z.unknown());

const AuditPageSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        tenantId: z.uuid().nullable(),
        occurredAt: z.string(),
        actorUserId: z.uuid().nullable(),
        /** The actor's name and email now, for reading; the entry itself keeps only the id. */
        actorName: z.string().nullable(),
        actorEmail: z.string().nullable(),
        action: z.string(),
        resourceType: z.string().nullable(),
        resourceId: z.string().nullable(),
        before: z.unknown(),
        after: z.unknown(),
        ipAddress: z.string().nullable(),
        requestId: z.string().nullable(),
        hash: z.string(),
      }),
    ),
    chain: z.object({ isIntact: z.boolean(), firstBrokenId: z.number().int().nullable() }),
  })
  .openapi('AuditPage');

const SecurityEventListSchema = z
  .object({
    events: z.array(
      z.object({
        id: z.string(),
        occurredAt: z.string(),
        type: z.string(),
        userId: z.uuid().nullable(),
        email: z.string().nullable(),
        tenantId: z.uuid().nullable(),
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        requestId: z.string().nullable(),
        details: AnyObject,
      }),
    ),
  })
  .openapi('SecurityEventList');

const AuditQuerySchema = z.object({
  /** A portal's chain; without it, the platform chain (sign-ins, board roles). */
  tenantId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: instant().optional(),
  to: instant().optional(),
  /** Entries with an id below this one, for paging backwards. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const SecurityQuerySchema = z.object({
  type: z.enum(securityEventTypes).optional(),
  email: z.string().trim().toLowerCase().max(320).optional(),
  from: instant().optional(),
  to: instant().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function presentEntry(
  row: typeof auditLog.$inferSelect,
  actor: { displayName: string; email: string } | null,
) {
  return {
    id: row.id,
    tenantId: row.tenantId,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: actor?.displayName ?? null,
    actorEmail: actor?.email ?? null,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    before: row.before,
    after: row.after,
    ipAddress: row.ipAddress,
    requestId: row.requestId,
    hash: row.hash,
  };
}

/**
 * Read access for the security auditors and the board: the audit trail of a portal or of the
 * platform, whether its hash chain is intact, and the security events. Nothing here changes
 * anything.
 */
export function createAuditRoutes() {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      summary: 'Audit entries of a portal, or of the platform, newest first',
      tags: ['audit'],
      request: { query: AuditQuerySchema },
      responses: {
        200: jsonResponse(AuditPageSchema, 'Entries and the state of the chain'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const conditions: SQL[] = [];
      if (query.action) conditions.push(eq(auditLog.action, query.action));
      if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
      if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(query.from)));
      if (query.to) conditions.push(lte(auditLog.occurredAt, new Date(query.to)));
      if (query.before) conditions.push(lt(auditLog.id, query.before));

      const read = async (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => {
        const chain = query.tenantId
          ? eq(auditLog.tenantId, query.tenantId)
          : isNull(auditLog.tenantId);
        const rows = await tx
          .select({ entry: auditLog, actorName: users.displayName, actorEmail: users.email })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorUserId))
          .where(and(chain, ...conditions))
          .orderBy(desc(auditLog.id))
          .limit(query.limit);
        const [check] = await queryRows<{ broken: string | number | null }>(
          tx,
          sql`select app.find_broken_audit_entry(${query.tenantId ?? null}::uuid) as broken`,
        );
        return {
          entries: rows.map((row) =>
            presentEntry(
              row.entry,
              row.actorName === null
                ? null
                : { displayName: row.actorName, email: row.actorEmail! },
            ),
          ),
          chain: {
            isIntact: check?.broken === null,
            firstBrokenId: check?.broken === null ? null : Number(check?.broken),
          },
        };
      };

      if (!query.tenantId) {
        const { actor } = requireAuth(c);
        return c.json(await withPlatform(c.var.db, actor, 'audit.read', read), 200);
      }
      const tenant = await findTenant(c.var.db, query.tenantId);
      requirePermission(c, 'audit.read', tenantResource(tenant));
      return c.json(await withTenant(c.var.db, tenant.id, read), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/security-events',
      summary: 'Sign-ins, failed sign-ins, throttling and rejected requests, newest first',
      tags: ['audit'],
      request: { query: SecurityQuerySchema },
      responses: { 200: jsonResponse(SecurityEventListSchema, 'Events'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { actor } = requireAuth(c);
      const conditions: SQL[] = [];
      if (query.type) conditions.push(eq(securityEvents.type, query.type));
      if (query.email) conditions.push(eq(securityEvents.email, query.email));
      if (query.from) conditions.push(gte(securityEvents.occurredAt, new Date(query.from)));
      if (query.to) conditions.push(lte(securityEvents.occurredAt, new Date(query.to)));
      const rows = await withPlatform(c.var.db, actor, 'security_event.read', (tx) =>
        tx
          .select()
          .from(securityEvents)
          .where(conditions.length > 0 ? and(...conditions) : undefined)
          .orderBy(desc(securityEvents.occurredAt))
          .limit(query.limit),
      );
      return c.json(
        {
          events: rows.map((row) => ({
            id: row.id,
            occurredAt: row.occurredAt.toISOString(),
            type: row.type,
            userId: row.userId,
            email: row.email,
            tenantId: row.tenantId,
            ipAddress: row.ipAddress,
            userAgent: row.userAgent,
            requestId: row.requestId,
            details: row.details,
          })),
        },
        200,
      );
    },
  );

  return router;
}
