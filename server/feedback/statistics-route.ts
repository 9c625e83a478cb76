import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';

import { calendarDate, errorResponses, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { localDayRange } from './local-dates.ts';
import { tenantFor } from './route-context.ts';
import { countCasesByUnit } from './statistics.ts';

const StatisticsQuerySchema = z
  .object({
    tenantId: z.uuid(),
    from: calendarDate().openapi({ description: 'First day of receipt, in Vietnam, YYYY-MM-DD' }),
    to: calendarDate().openapi({ description: 'Last day of receipt, included, YYYY-MM-DD' }),
  })
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  });

const FiguresSchema = z.object({
  received: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  closedWithoutAnswer: z.number().int(),
});

const FeedbackStatisticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    units: z.array(
      FiguresSchema.extend({
        unit: z.object({
          id: z.string(),
          slug: z.string(),
          nameVi: z.string(),
          nameEn: z.string().nullable(),
        }),
      }),
    ),
    totals: FiguresSchema,
  })
  .openapi('FeedbackStatistics');

/** Adds `GET /statistics`, the per-unit figures of a portal's queue, to the feedback router. */
export function registerStatisticsRoute(router: OpenAPIHono<AppEnv>) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/statistics',
      summary:
        "Per responsible unit, the cases a portal's queue received in a period and how they ended",
      tags: ['feedback'],
      request: { query: StatisticsQuerySchema },
      responses: {
        200: jsonResponse(FeedbackStatisticsSchema, 'Figures per unit, and their totals'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await tenantFor(c, query.tenantId, 'feedback.read');
      const figures = await countCasesByUnit(c.var.db, tenant, localDayRange(query.from, query.to));

      return c.json({ from: query.from, to: query.to, ...figures }, 200);
    },
  );
}
