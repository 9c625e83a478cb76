import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';

import { tenantResource, type ActingContext } from '../access/context.ts';
import {
  createApiRouter,
  errorResponses,
  instant,
  jsonBody,
  jsonResponse,
  z,
} from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { contentTypes, tenantDomains, workflowStates } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { findTenant } from '../users/accounts.ts';
import { applyTransition, type WorkflowDependencies } from '../workflow/apply-transition.ts';
import { transitionNames } from '../workflow/transitions.ts';
import { diffRevisions, getItemDetail, listItems, listReviewQueue } from './admin-queries.ts';
import { listCategories } from './categories.ts';
import { RevisionTextSchema } from './content-types.ts';
import { createPreviewLink } from './preview-links.ts';
import {
  CategoryListSchema,
  CreatedSchema,
  DiffSchema,
  ItemDetailSchema,
  ItemListSchema,
  PreviewLinkSchema,
  RestoredSchema,
  ResubmittedSchema,
  ReviewQueueSchema,
  SavedSchema,
  SubmissionDetailSchema,
  SubmissionListSchema,
  SubmittedSchema,
  TransitionedSchema,
} from './response-schemas.ts';
import { restoreRevision, saveItem, createItem } from './save-items.ts';
import {
  findMainPortal,
  getOwnSubmission,
  listOwnSubmissions,
  resubmitToMainPortal,
  submitToMainPortal,
} from './submissions.ts';

const TenantIdSchema = z.object({ tenantId: z.uuid() });
const ItemParamsSchema = z.object({ itemId: z.uuid() });
const DraftSchema = RevisionTextSchema.extend({
  fields: z.record(z.string(), z.unknown()).default({}),
  slug: z.string().trim().min(1).max(120).optional(),
  categoryId: z.uuid().nullable().optional(),
});
const AnyObject = z.record(z.string(), z.unknown());

const ListQuerySchema = TenantIdSchema.extend({
  type: z.enum(contentTypes).optional(),
  status: z.enum(workflowStates).optional(),
  categoryId: z.uuid().optional(),
  createdBy: z.uuid().optional(),
  updatedFrom: instant().optional(),
  updatedTo: instant().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const TransitionSchema = TenantIdSchema.extend({
  action: z.enum(transitionNames as [string, ...string[]]),
  note: z.string().trim().max(2000).optional(),
  publishAt: instant().optional(),
  unpublishAt: instant().optional(),
  categoryId: z.uuid().optional(),
  assignedEditorId: z.uuid().optional(),
  isSensitive: z.boolean().optional(),
});

const ProvenanceSchema = z.object({
  senderName: z.string().trim().min(2).max(200),
  senderTitle: z.string().trim().min(2).max(200),
  senderEmail: z.email().optional(),
  senderPhone: z.string().trim().max(30).optional(),
  purpose: z.string().trim().min(3).max(1000),
});

const SubmissionSchema = TenantIdSchema.extend({
  provenance: ProvenanceSchema,
  sourceItemId: z.uuid().optional(),
  type: z.enum(contentTypes).optional(),
  titleVi: z.string().trim().min(1).max(300).optional(),
  titleEn: z.string().trim().max(300).optional(),
  leadVi: z.string().trim().max(1000).optional(),
  bodyVi: z.string().max(500_000).optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
})
  .refine((input) => Boolean(input.sourceItemId) || Boolean(input.type && input.titleVi), {
    message: 'give sourceItemId, or type and titleVi',
    path: ['titleVi'],
  })
  // An offered item brings its own text, so text sent beside it would be silently dropped.
  .refine((input) => !input.sourceItemId || (!input.titleVi && !input.bodyVi && !input.leadVi), {
    message: 'give either sourceItemId or the text, not both',
    path: ['sourceItemId'],
  });

const ResubmissionSchema = RevisionTextSchema.extend({
  tenantId: z.uuid(),
  baseRevisionId: z.uuid(),
  fields: z.record(z.string(), z.unknown()).default({}),
  note: z.string().trim().max(2000).optional(),
});

function acting(c: Context<AppEnv>, actor: ActingContext['actor']): ActingContext {
  return { actor, ipAddress: clientIp(c), requestId: c.var.requestId };
}

async function tenantFor(
  c: Context<AppEnv>,
  tenantId: string,
  action: Parameters<typeof requirePermission>[1],
) {
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));

  return { tenant, context: acting(c, actor) };
}

/** Content items, revisions, the workflow and submissions under `/api/admin/content`. */
export function createContentRoutes(workflow: WorkflowDependencies) {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/items',
      summary: "List a portal's items with filters",
      tags: ['content'],
      request: { query: ListQuerySchema },
      responses: { 200: jsonResponse(ItemListSchema, 'Items'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await tenantFor(c, query.tenantId, 'content.read');
      const result = await listItems(c.var.db, tenant, {
        ...query,
        updatedFrom: query.updatedFrom ? new Date(query.updatedFrom) : undefined,
        updatedTo: query.updatedTo ? new Date(query.updatedTo) : undefined,
      });
      return c.json(result, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/items',
      summary: 'Create an item in the draft state',
      tags: ['content'],
      request: {
        body: jsonBody(DraftSchema.extend({ tenantId: z.uuid(), type: z.enum(contentTypes) })),
      },
      responses: { 201: jsonResponse(CreatedSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'content.create');
      const created = await createItem(c.var.db, context, tenant, input);
      return c.json(
        { itemId: created.item.id, revisionId: created.revision.id, slug: created.item.slug },
        201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/items/{itemId}',
      summary: 'An item with its current revision, history and the steps this user may take',
      tags: ['content'],
      request: { params: ItemParamsSchema, query: TenantIdSchema },
      responses: { 200: jsonResponse(ItemDetailSchema, 'The item'), ...errorResponses },
    }),
    async (c) => {
      const { tenant, context } = await tenantFor(c, c.req.valid('query').tenantId, 'content.read');
      return c.json(
        await getItemDetail(c.var.db, context, tenant, c.req.valid('param').itemId),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/items/{itemId}',
      summary: 'Save a new revision; 409 when a newer revision was saved meanwhile',
      tags: ['content'],
      request: {
        params: ItemParamsSchema,
        body: jsonBody(DraftSchema.extend({ tenantId: z.uuid(), baseRevisionId: z.uuid() })),
      },
      responses: {
        200: jsonResponse(SavedSchema, 'Saved'),
        409: jsonResponse(AnyObject, 'A newer revision exists; it names who saved it and when'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'content.edit');
      const saved = await saveItem(c.var.db, context, tenant, c.req.valid('param').itemId, input);
      if (['published', 'updated'].includes(saved.item.status) && saved.item.slug) {
        workflow.onPublicChange(tenant.id);
      }
      return c.json(
        { revisionId: saved.revision.id, number: saved.revision.number, slug: saved.item.slug },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/items/{itemId}/diff',
      summary: 'Compare two revisions word by word',
      tags: ['content'],
      request: {
        params: ItemParamsSchema,
        query: TenantIdSchema.extend({ from: z.uuid(), to: z.uuid() }),
      },
      responses: { 200: jsonResponse(DiffSchema, 'Differences by field'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await tenantFor(c, query.tenantId, 'content.read');
      return c.json(
        await diffRevisions(c.var.db, tenant, c.req.valid('param').itemId, query.from, query.to),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/items/{itemId}/restore',
      summary: 'Save a copy of an earlier revision as the newest one',
      tags: ['content'],
      request: {
        params: ItemParamsSchema,
        body: jsonBody(TenantIdSchema.extend({ revisionId: z.uuid(), baseRevisionId: z.uuid() })),
      },
      responses: { 200: jsonResponse(RestoredSchema, 'Restored'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'content.edit');
      const saved = await restoreRevision(
        c.var.db,
        context,
        tenant,
        c.req.valid('param').itemId,
        input,
      );
      return c.json({ revisionId: saved.revision.id, number: saved.revision.number }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/items/{itemId}/transitions',
      summary: 'Take one workflow step',
      tags: ['content'],
      request: { params: ItemParamsSchema, body: jsonBody(TransitionSchema) },
      responses: {
        200: jsonResponse(TransitionedSchema, 'The item after the step'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'content.read');
      const item = await applyTransition(workflow, context, tenant, c.req.valid('param').itemId, {
        ...input,
        action: input.action as (typeof transitionNames)[number],
        publishAt: input.publishAt ? new Date(input.publishAt) : undefined,
        unpublishAt: input.unpublishAt ? new Date(input.unpublishAt) : undefined,
      });
      return c.json(
        { id: item.id, status: item.status, dueAt: item.dueAt?.toISOString() ?? null },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/items/{itemId}/preview-link',
      summary: 'A signed, expiring link that shows the current draft on the portal',
      tags: ['content'],
      request: { params: ItemParamsSchema, body: jsonBody(TenantIdSchema) },
      responses: { 200: jsonResponse(PreviewLinkSchema, 'The link'), ...errorResponses },
    }),
    async (c) => {
      const { tenant, context } = await tenantFor(c, c.req.valid('json').tenantId, 'content.read');
      const link = await createPreviewLink(c.var.db, context, tenant, c.req.valid('param').itemId);
      const { protocol, port } = c.var.origin;
      const host = await canonicalHostOf(c, tenant.id);
      return c.json(
        {
          url: `${protocol}://${host}${port ? `:${port}` : ''}/xem-truoc/${link.token}`,
          expiresAt: link.expiresAt,
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      summary: "A portal's category tree",
      tags: ['content'],
      request: { query: TenantIdSchema },
      responses: { 200: jsonResponse(CategoryListSchema, 'Categories'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await tenantFor(c, c.req.valid('query').tenantId, 'content.read');
      const rows = await withTenant(c.var.db, tenant.id, (tx) => listCategories(tx, tenant.id));
      return c.json(
        {
          categories: rows.map((row) => ({
            id: row.id,
            parentId: row.parentId,
            slug: row.slug,
            nameVi: row.nameVi,
            nameEn: row.nameEn,
            isStanding: row.isStanding,
            deadline: row.deadline,
          })),
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/submissions',
      summary: "Send information from a unit to the main portal, with the sender's details",
      tags: ['content'],
      request: { body: jsonBody(SubmissionSchema) },
      responses: { 201: jsonResponse(SubmittedSchema, 'Submitted'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, input.tenantId, 'content.syndicate');
      const submission = input.sourceItemId
        ? { provenance: input.provenance, sourceItemId: input.sourceItemId }
        : {
            provenance: input.provenance,
            type: input.type!,
            titleVi: input.titleVi!,
            titleEn: input.titleEn,
            leadVi: input.leadVi,
            bodyVi: input.bodyVi ?? '',
            fields: input.fields,
          };
      const item = await submitToMainPortal(c.var.db, context, tenant, submission);
      return c.json({ itemId: item.id, status: item.status }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/submissions',
      summary: 'What a unit has sent to the main portal, with its state and notes',
      tags: ['content'],
      request: { query: TenantIdSchema },
      responses: { 200: jsonResponse(SubmissionListSchema, 'Submissions'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await tenantFor(c, c.req.valid('query').tenantId, 'content.read');
      return c.json({ submissions: await listOwnSubmissions(c.var.db, tenant) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/submissions/{itemId}',
      summary: "One of the unit's submissions: its current text and the standing section's notes",
      tags: ['content'],
      request: { params: ItemParamsSchema, query: TenantIdSchema },
      responses: { 200: jsonResponse(SubmissionDetailSchema, 'Submission'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await tenantFor(c, c.req.valid('query').tenantId, 'content.read');
      return c.json(await getOwnSubmission(c.var.db, tenant, c.req.valid('param').itemId), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/submissions/{itemId}/resubmit',
      summary: 'Send a returned submission back to the main portal with revised text',
      tags: ['content'],
      request: { params: ItemParamsSchema, body: jsonBody(ResubmissionSchema) },
      responses: { 200: jsonResponse(ResubmittedSchema, 'Submitted again'), ...errorResponses },
    }),
    async (c) => {
      const { tenantId, ...input } = c.req.valid('json');
      const { tenant, context } = await tenantFor(c, tenantId, 'content.syndicate');
      const { item, revision } = await resubmitToMainPortal(
        c.var.db,
        context,
        tenant,
        c.req.valid('param').itemId,
        input,
      );
      return c.json({ itemId: item.id, status: item.status, revisionId: revision.id }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/review-queue',
      summary: "The standing section's queue on the main portal, across all units",
      tags: ['content'],
      responses: { 200: jsonResponse(ReviewQueueSchema, 'Queue'), ...errorResponses },
    }),
    async (c) => {
      const main = await findMainPortal(c.var.db);
      requirePermission(c, 'content.review', tenantResource(main));
      return c.json({ items: await listReviewQueue(c.var.db, main) }, 200);
    },
  );

  return router;
}

async function canonicalHostOf(c: Context<AppEnv>, tenantId: string): Promise<string> {
  const [row] = await withoutTenant(c.var.db, (tx) =>
    tx
      .select({ hostname: tenantDomains.hostname })
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.isCanonical, true))),
  );
  if (!row) {
    throw new AppError('not_found', 'This portal has no canonical host');
  }

  return row.hostname;
}
