import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';

import {
  calendarDate,
  createApiRouter,
  errorResponses,
  ErrorResponseSchema,
  jsonBody,
  jsonResponse,
  z,
} from '../api/openapi.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clientIp } from '../client-ip.ts';
import { media } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { authorizeMediaAction, linkBaseFor, type MediaAdminOptions } from './admin-context.ts';
import {
  MediaDetailSchema,
  MediaInUseSchema,
  MediaListSchema,
  presentMedia,
  presentUsage,
  StoredMediaSchema,
} from './admin-schemas.ts';
import { receiveAdminUpload } from './admin-upload.ts';
import { deleteMedia } from './delete.ts';
import {
  findMediaDetail,
  findUploaderName,
  libraryKinds,
  listMedia,
  measureStoredBytes,
} from './library.ts';
import { selectThumbnail, serveThumbnail } from './thumbnail.ts';

export type { MediaAdminOptions } from './admin-context.ts';

const TenantIdSchema = z.object({ tenantId: z.uuid() });
const MediaParamsSchema = z.object({ mediaId: z.uuid() });
const CalendarDaySchema = calendarDate();

/**
 * The media library under `/api/admin/media`. An upload is the raw file as the request body
 * (`application/octet-stream`), streamed through the checks without being held in memory.
 */
export function createMediaAdminRoutes(options: MediaAdminOptions) {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Upload a file; the body is the file itself',
      tags: ['media'],
      request: {
        query: TenantIdSchema,
        headers: z.object({ 'x-file-name': z.string().min(1).max(1024) }),
        body: {
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
          required: true,
        },
      },
      responses: {
        201: jsonResponse(StoredMediaSchema, 'Stored'),
        200: jsonResponse(StoredMediaSchema, 'The portal had this file already'),
        413: jsonResponse(ErrorResponseSchema, 'Larger than the limit or the quota'),
        503: jsonResponse(ErrorResponseSchema, 'The media storage is unavailable'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { stored, presented } = await receiveAdminUpload(
        c,
        options,
        c.req.valid('query').tenantId,
      );

      return c.json(
        { media: presented, isDuplicate: stored.isDuplicate },
        stored.isDuplicate ? 200 : 201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: "List a portal's files, newest first, with search and filters, and its storage use",
      tags: ['media'],
      request: {
        query: TenantIdSchema.extend({
          q: z.string().trim().max(200).optional(),
          kind: z.enum(libraryKinds).optional(),
          from: CalendarDaySchema.optional().openapi({
            description: 'The first day of uploads listed (YYYY-MM-DD, Vietnam time)',
          }),
          to: CalendarDaySchema.optional().openapi({
            description: 'The last day of uploads listed, included (YYYY-MM-DD, Vietnam time)',
          }),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(40),
        }),
      },
      responses: { 200: jsonResponse(MediaListSchema, 'Files'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await authorizeMediaAction(c, query.tenantId, 'media.read');
      const result = await listMedia(c.var.db, tenant.id, query);
      const limits = await options.limitsFor(tenant.id);
      const usedBytes = await withTenant(c.var.db, tenant.id, (tx) =>
        measureStoredBytes(tx, tenant.id),
      );
      const base = await linkBaseFor(c, tenant.id);

      return c.json(
        {
          media: result.rows.map((row) => presentMedia(row, base)),
          total: result.total,
          storage: {
            usedBytes,
            quotaBytes: limits.quotaBytes,
            maxFileBytes: limits.maxBytes,
            allowedTypes: limits.allowedTypes,
            allowSvg: limits.allowSvg,
          },
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{mediaId}',
      summary: 'One file with the content items that use it',
      tags: ['media'],
      request: { params: MediaParamsSchema, query: TenantIdSchema },
      responses: { 200: jsonResponse(MediaDetailSchema, 'The file'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await authorizeMediaAction(c, c.req.valid('query').tenantId, 'media.read');
      const detail = await findMediaDetail(c.var.db, tenant.id, c.req.valid('param').mediaId);
      const base = await linkBaseFor(c, tenant.id);

      return c.json(
        { media: presentMedia(detail.row, base), usages: detail.usages.map(presentUsage) },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{mediaId}/thumbnail',
      summary: "A small copy of an image, served on the admin's origin",
      tags: ['media'],
      request: {
        params: MediaParamsSchema,
        query: TenantIdSchema.extend({
          minWidth: z.coerce.number().int().min(1).max(10_000).optional().openapi({
            description:
              'The narrowest copy at least this many pixels wide; the smallest by default',
          }),
        }),
      },
      responses: {
        200: {
          content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'The image',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await authorizeMediaAction(c, query.tenantId, 'media.read');
      const detail = await findMediaDetail(c.var.db, tenant.id, c.req.valid('param').mediaId);

      return serveThumbnail(c, options.store, selectThumbnail(detail.row, query.minWidth));
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/{mediaId}',
      summary: 'Change the alternative text of a file',
      tags: ['media'],
      request: {
        params: MediaParamsSchema,
        body: jsonBody(
          TenantIdSchema.extend({
            altVi: z.string().trim().max(500).nullable().optional(),
            altEn: z.string().trim().max(500).nullable().optional(),
          }),
        ),
      },
      responses: {
        200: jsonResponse(StoredMediaSchema.pick({ media: true }), 'Changed'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, actor } = await authorizeMediaAction(c, input.tenantId, 'media.upload');
      const { mediaId } = c.req.valid('param');
      const updated = await withTenant(c.var.db, tenant.id, async (tx) => {
        const [row] = await tx
          .update(media)
          .set({
            // An emptied field clears the text rather than storing an empty string.
            ...(input.altVi !== undefined ? { altVi: input.altVi?.normalize('NFC') || null } : {}),
            ...(input.altEn !== undefined ? { altEn: input.altEn || null } : {}),
          })
          .where(
            and(eq(media.tenantId, tenant.id), eq(media.id, mediaId), eq(media.isPrivate, false)),
          )
          .returning();
        if (!row) {
          throw new AppError('not_found', 'No file on this portal has this id');
        }
        await appendAudit(tx, {
          tenantId: tenant.id,
          actorUserId: actor.userId,
          action: 'media.update',
          resourceType: 'media',
          resourceId: mediaId,
          after: { altVi: row.altVi, altEn: row.altEn },
          ipAddress: clientIp(c),
          requestId: c.var.requestId,
        });
        return row;
      });
      const row = {
        ...updated,
        uploaderName: await findUploaderName(c.var.db, updated.uploadedBy),
      };
      return c.json({ media: presentMedia(row, await linkBaseFor(c, tenant.id)) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/{mediaId}',
      summary: 'Delete a file; refused with the list of published items that use it',
      tags: ['media'],
      request: {
        params: MediaParamsSchema,
        query: TenantIdSchema,
        // Empty, because the admin's CSRF check requires every state-changing call as JSON.
        body: { content: { 'application/json': { schema: z.object({}) } }, required: false },
      },
      responses: {
        200: jsonResponse(z.object({ ok: z.boolean() }), 'Deleted'),
        409: jsonResponse(MediaInUseSchema, 'Still used by published items, which are listed'),
        503: jsonResponse(ErrorResponseSchema, 'The media storage is unavailable'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenant, actor } = await authorizeMediaAction(
        c,
        c.req.valid('query').tenantId,
        'media.delete',
      );
      const { mediaId } = c.req.valid('param');
      await deleteMedia(c.var.db, options.store, tenant.id, mediaId);
      await withTenant(c.var.db, tenant.id, (tx) =>
        appendAudit(tx, {
          tenantId: tenant.id,
          actorUserId: actor.userId,
          action: 'media.delete',
          resourceType: 'media',
          resourceId: mediaId,
          ipAddress: clientIp(c),
          requestId: c.var.requestId,
        }),
      );
      return c.json({ ok: true }, 200);
    },
  );

  return router;
}
