import { createRoute } from '@hono/zod-openapi';

import { can } from '../access/can.ts';
import { tenantResource } from '../access/context.ts';
import { createApiRouter, errorResponses, jsonResponse, z } from '../api/openapi.ts';
import { requireAuth } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { AppError } from '../errors.ts';
import { findTenant } from '../users/accounts.ts';
import { listRecentActivity, listWorkQueue } from './work-queue.ts';

const kind = z.enum(['content', 'feedback']);

const WorkQueueEntrySchema = z.object({
  kind,
  id: z.uuid(),
  title: z.string(),
  type: z.string(),
  status: z.string(),
  actions: z.array(z.string()),
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  waitingSince: z.string(),
});

const ActivityEntrySchema = z.object({
  kind,
  id: z.uuid(),
  title: z.string(),
  action: z.string(),
  toState: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  occurredAt: z.string(),
});

const DashboardSchema = z
  .object({
    workQueue: z.array(WorkQueueEntrySchema),
    activity: z.array(ActivityEntrySchema),
  })
  .openapi('Dashboard');

/** Creates the route of the admin's start page: the user's work queue and the portal's activity. */
export function createDashboardRoutes() {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      summary: "The user's work queue and the portal's recent activity",
      tags: ['dashboard'],
      request: { query: z.object({ tenantId: z.uuid() }) },
      responses: {
        200: jsonResponse(DashboardSchema, 'Work queue and activity'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { actor } = requireAuth(c);
      const tenant = await findTenant(c.var.db, c.req.valid('query').tenantId);
      const resource = tenantResource(tenant);
      const includeContent = can(actor, 'content.read', resource);
      const includeFeedback = can(actor, 'feedback.read', resource);
      if (!includeContent && !includeFeedback) {
        throw new AppError('forbidden', 'You are not allowed to do this (content.read)');
      }
      const context = { actor, ipAddress: clientIp(c), requestId: c.var.requestId };
      const options = { includeContent, includeFeedback };

      return c.json(
        {
          workQueue: await listWorkQueue(c.var.db, context, tenant, options),
          activity: await listRecentActivity(c.var.db, tenant, options),
        },
        200,
      );
    },
  );

  return router;
}
