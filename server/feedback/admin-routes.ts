import { createRoute } from '@hono/zod-openapi';

import {
  calendarDate,
  createApiRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  z,
} from '../api/openapi.ts';
import { requireAuth, requirePermission } from '../auth/middleware.ts';
import { tenantResource } from '../access/context.ts';
import { feedbackStates } from '../db/schema/index.ts';
import {
  addProgressNote,
  answerCase,
  approveAnswer,
  assertForwardTarget,
  classifyCase,
  forwardCase,
  mergeCase,
  publishAnswer,
  rejectCase,
  returnAnswer,
} from './case-commands.ts';
import type { MediaStore } from '../media/store.ts';
import { registerAttachmentRoute } from './attachment-route.ts';
import { feedbackKinds, feedbackTopics, rejectionReasons } from './case-labels.ts';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { draftCommentsCsv } from './draft-comments-csv.ts';
import { endOfLocalDay, startOfLocalDay } from './local-dates.ts';
import { acting, tenantFor } from './route-context.ts';
import { registerStatisticsRoute } from './statistics-route.ts';
import {
  getCaseDetail,
  listCases,
  listDraftComments,
  listOverdueEverywhere,
  presentCaseSummary,
} from './staff-queries.ts';
import type { FeedbackCaseRow } from './take-step.ts';

const TenantIdSchema = z.object({ tenantId: z.uuid() });
const CaseParamsSchema = z.object({ caseId: z.uuid() });
const DraftParamsSchema = z.object({ itemId: z.uuid() });
const noteText = (min: number) => z.string().trim().min(min).max(5_000);
const AnyObject = z.record(z.string(), z.unknown());
const ok = (description: string) => jsonResponse(AnyObject, description);

const ListQuerySchema = TenantIdSchema.extend({
  status: z.enum(feedbackStates).optional(),
  topic: z.enum(feedbackTopics).optional(),
  kind: z.enum(feedbackKinds).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  scope: z.enum(['received', 'assigned', 'all']).optional(),
  responsibleTenantId: z.uuid().optional(),
  receivedFrom: calendarDate()
    .optional()
    .openapi({ description: 'First day of receipt, YYYY-MM-DD' }),
  receivedTo: calendarDate().optional().openapi({ description: 'Last day of receipt, included' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}).refine(
  (query) => !query.receivedFrom || !query.receivedTo || query.receivedFrom <= query.receivedTo,
  {
    path: ['receivedTo'],
    message: 'must not be before receivedFrom',
  },
);

/** Converts the received-date filter to instants. Either end may be left open. */
function receivedRange(from: string | undefined, to: string | undefined) {
  return {
    start: from ? startOfLocalDay(from) : undefined,
    end: to ? endOfLocalDay(to) : undefined,
  };
}

const stepBodies = {
  classify: TenantIdSchema.extend({
    topic: z.enum(feedbackTopics),
    kind: z.enum(['feedback', 'petition']).optional(),
    /** When given and not the receiving portal, the case is forwarded there right away. */
    responsibleTenantId: z.uuid().optional(),
    note: noteText(1).optional(),
  }),
  forward: TenantIdSchema.extend({ toTenantId: z.uuid(), note: noteText(1).optional() }),
  reject: TenantIdSchema.extend({ reason: z.enum(rejectionReasons), note: noteText(5) }),
  merge: TenantIdSchema.extend({
    intoCaseId: z.uuid().optional(),
    /** The tracking code the other case's sender quotes; the server finds the case by it. */
    intoTrackingCode: z.string().trim().min(1).max(60).optional(),
    note: noteText(1).optional(),
  }).refine((body) => (body.intoCaseId === undefined) !== (body.intoTrackingCode === undefined), {
    path: ['intoTrackingCode'],
    message: 'give either intoCaseId or intoTrackingCode',
  }),
  answer: TenantIdSchema.extend({ answer: z.string().trim().min(20).max(20_000) }),
  return: TenantIdSchema.extend({ note: noteText(5) }),
  approve: TenantIdSchema.extend({ note: noteText(1).optional() }),
  publish: TenantIdSchema,
  'progress-notes': TenantIdSchema.extend({ note: noteText(10) }),
};

function stepRoute<Body extends z.ZodType>(path: string, body: Body, summary: string) {
  return createRoute({
    method: 'post',
    path: `/cases/{caseId}/${path}`,
    summary,
    tags: ['feedback'],
    request: { params: CaseParamsSchema, body: jsonBody(body) },
    responses: {
      200: ok('The case after the step'),
      409: jsonResponse(AnyObject, 'The case is not in a state that allows the step'),
      ...errorResponses,
    },
  });
}

/** Feedback and petition handling under `/api/admin/feedback`. */
export function createFeedbackAdminRoutes(deps: WorkflowDependencies, store: MediaStore) {
  const router = createApiRouter();
  const presentStep = async (row: FeedbackCaseRow) =>
    presentCaseSummary(row, { calendar: await deps.getCalendar() });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      summary: "A portal's queue: cases it received and cases forwarded to it, with filters",
      tags: ['feedback'],
      request: { query: ListQuerySchema },
      responses: { 200: ok('Cases, without personal data'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await tenantFor(c, query.tenantId, 'feedback.read');
      const result = await listCases(c.var.db, tenant, {
        ...query,
        isOverdue: query.overdue === 'true',
        received: receivedRange(query.receivedFrom, query.receivedTo),
        calendar: await deps.getCalendar(),
      });
      return c.json(result, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/overdue',
      summary: 'Open cases past a deadline on every portal, for the board',
      tags: ['feedback'],
      responses: { 200: ok('Overdue cases'), ...errorResponses },
    }),
    async (c) => {
      const { actor } = requireAuth(c);
      return c.json({ cases: await listOverdueEverywhere(c.var.db, acting(c, actor)) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{caseId}',
      summary: "A case with the sender's details, for the staff handling it",
      tags: ['feedback'],
      request: { params: CaseParamsSchema, query: TenantIdSchema },
      responses: { 200: ok('The case'), ...errorResponses },
    }),
    async (c) => {
      const { tenant, context } = await tenantFor(
        c,
        c.req.valid('query').tenantId,
        'feedback.read',
      );
      const detail = await getCaseDetail(
        c.var.db,
        context,
        tenant,
        c.req.valid('param').caseId,
        await deps.getCalendar(),
      );
      return c.json(detail, 200);
    },
  );

  router.openapi(
    stepRoute('classify', stepBodies.classify, 'Set the topic, and optionally forward the case'),
    async (c) => {
      const input = c.req.valid('json');
      const { caseId } = c.req.valid('param');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.classify');
      // The forward is checked first, so a refused unit or permission leaves the case unchanged.
      if (input.responsibleTenantId) {
        requirePermission(c, 'feedback.forward', tenantResource(tenant));
        await assertForwardTarget(
          c.var.db,
          tenant.id,
          input.responsibleTenantId,
          'responsibleTenantId',
        );
      }
      let row = await classifyCase(deps, context, tenant, caseId, input);
      if (input.responsibleTenantId && input.responsibleTenantId !== row.tenantId) {
        row = await forwardCase(deps, context, tenant, caseId, {
          toTenantId: input.responsibleTenantId,
        });
      }
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute('forward', stepBodies.forward, "Move the case into the competent unit's queue"),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.forward');
      const row = await forwardCase(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute('reject', stepBodies.reject, 'Close the case without an answer, with a reason'),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.reject');
      const row = await rejectCase(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute('merge', stepBodies.merge, 'Close the case as a duplicate of another case'),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.reject');
      const row = await mergeCase(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(stepRoute('answer', stepBodies.answer, 'Save the draft answer'), async (c) => {
    const input = c.req.valid('json');
    const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.answer');
    const row = await answerCase(deps, context, tenant, c.req.valid('param').caseId, input);
    return c.json(await presentStep(row), 200);
  });

  router.openapi(
    stepRoute('return', stepBodies.return, 'Return the draft answer for rework, with a note'),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.approve');
      const row = await returnAnswer(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute('approve', stepBodies.approve, 'Approve the draft answer'),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.approve');
      const row = await approveAnswer(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute('publish', stepBodies.publish, 'Publish the approved answer'),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.publish');
      const row = await publishAnswer(deps, context, tenant, c.req.valid('param').caseId);
      return c.json(await presentStep(row), 200);
    },
  );

  router.openapi(
    stepRoute(
      'progress-notes',
      stepBodies['progress-notes'],
      'Add a public progress note while the case is open',
    ),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'feedback.answer');
      const row = await addProgressNote(deps, context, tenant, c.req.valid('param').caseId, input);
      return c.json(await presentStep(row), 200);
    },
  );

  registerStatisticsRoute(router);
  registerAttachmentRoute(router, store);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/drafts/{itemId}/comments',
      summary: 'The comments a draft for public comment received',
      tags: ['feedback'],
      request: { params: DraftParamsSchema, query: TenantIdSchema },
      responses: { 200: ok('Comments, without personal data'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await tenantFor(c, c.req.valid('query').tenantId, 'feedback.read');
      const rows = await listDraftComments(c.var.db, tenant, c.req.valid('param').itemId);
      return c.json(
        {
          comments: rows.map((row) => ({
            ...presentCaseSummary(row),
            body: row.body,
            organisation: row.senderOrganisation,
          })),
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/drafts/{itemId}/comments.csv',
      summary: "A CSV summary of a draft's comments, for the unit that drafted it",
      tags: ['feedback'],
      request: { params: DraftParamsSchema, query: TenantIdSchema },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, UTF-8' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenant } = await tenantFor(c, c.req.valid('query').tenantId, 'feedback.read');
      const { itemId } = c.req.valid('param');
      const rows = await listDraftComments(c.var.db, tenant, itemId);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="gop-y-du-thao-${itemId}.csv"`);
      return c.body(draftCommentsCsv(rows), 200);
    },
  );

  return router;
}
