import { createRoute } from '@hono/zod-openapi';
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';

import { tenantResource } from '../access/context.ts';
import { createApiRouter, errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { media } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { findTenant } from '../users/accounts.ts';
import { deleteMedia } from './delete.ts';
import type { MediaStore } from './store.ts';
import { storeUpload, type MediaRow, type UploadLimits } from './upload.ts';
import { mediaPath } from './urls.ts';

const AnyObject = z.record(z.string(), z.unknown());
const TenantIdSchema = z.object({ tenantId: z.uuid() });
const MediaParamsSchema = z.object({ mediaId: z.uuid() });

export type MediaAdminOptions = {
  store: MediaStore;
  /** The upload limits in force for a tenant (the board's policy, or the defaults). */
  limitsFor: (tenantId: string) => Promise<UploadLimits>;
};

function presentMedia(row: MediaRow) {
  return {
    id: row.id,
    originalName: row.originalName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    altVi: row.altVi,
    altEn: row.altEn,
    url: mediaPath(row),
    variants: row.variants.map((variant) => ({
      width: variant.width,
      format: variant.format,
      sizeBytes: variant.sizeBytes,
    })),
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

async function tenantFor(
  c: Context<AppEnv>,
  tenantId: string,
  action: 'media.read' | 'media.upload' | 'media.delete',
) {
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));

  return { tenant, actor };
}

function decodeFileName(header: string | undefined): string {
  if (!header) {
    throw new AppError('invalid_input', 'Send the file name in the X-File-Name header', {
      fields: [{ field: 'X-File-Name', message: 'missing' }],
    });
  }
  try {
    return decodeURIComponent(header);
  } catch {
    throw new AppError('invalid_input', 'The X-File-Name header must be percent-encoded UTF-8', {
      fields: [{ field: 'X-File-Name', message: 'invalid encoding' }],
    });
  }
}

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
        201: jsonResponse(AnyObject, 'Stored'),
        200: jsonResponse(AnyObject, 'The portal had this file already'),
        413: jsonResponse(AnyObject, 'Larger than the limit or the quota'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenant, actor } = await tenantFor(c, c.req.valid('query').tenantId, 'media.upload');
      const fileName = decodeFileName(c.req.header('x-file-name'));
      const limits = await options.limitsFor(tenant.id);
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        throw new AppError(
          'payload_too_large',
          `The file is larger than the limit of ${limits.maxBytes} bytes`,
          {
            fields: [{ field: 'file', message: 'too large' }],
          },
        );
      }
      const body = c.req.raw.body;
      if (!body) {
        throw new AppError('invalid_input', 'The request has no file', {
          fields: [{ field: 'file', message: 'empty' }],
        });
      }

      const stored = await storeUpload(c.var.db, options.store, {
        tenantId: tenant.id,
        uploaderId: actor.userId,
        fileName,
        stream: body as unknown as Parameters<typeof storeUpload>[2]['stream'],
        limits,
        log: c.var.log,
      });
      if (!stored.isDuplicate) {
        await withTenant(c.var.db, tenant.id, (tx) =>
          appendAudit(tx, {
            tenantId: tenant.id,
            actorUserId: actor.userId,
            action: 'media.upload',
            resourceType: 'media',
            resourceId: stored.media.id,
            after: {
              originalName: stored.media.originalName,
              contentType: stored.media.contentType,
            },
            ipAddress: clientIp(c),
            requestId: c.var.requestId,
          }),
        );
      }
      return c.json(
        { media: presentMedia(stored.media), isDuplicate: stored.isDuplicate },
        stored.isDuplicate ? 200 : 201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: "List a portal's files, newest first, with search and a type filter",
      tags: ['media'],
      request: {
        query: TenantIdSchema.extend({
          q: z.string().trim().max(200).optional(),
          kind: z.enum(['image', 'video', 'audio', 'document']).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(40),
        }),
      },
      responses: { 200: jsonResponse(AnyObject, 'Files'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await tenantFor(c, query.tenantId, 'media.read');
      const conditions: SQL[] = [eq(media.tenantId, tenant.id)];
      if (query.q) {
        const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
        conditions.push(or(ilike(media.originalName, pattern), ilike(media.altVi, pattern))!);
      }
      if (query.kind) {
        const prefix = query.kind === 'document' ? 'application/' : `${query.kind}/`;
        conditions.push(ilike(media.contentType, `${prefix}%`));
      }
      const where = and(...conditions);
      const result = await withTenant(c.var.db, tenant.id, async (tx) => ({
        rows: await tx
          .select()
          .from(media)
          .where(where)
          .orderBy(desc(media.createdAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        total: (await tx.select({ value: count() }).from(media).where(where))[0]?.value ?? 0,
      }));
      return c.json({ media: result.rows.map(presentMedia), total: result.total }, 200);
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
      responses: { 200: jsonResponse(AnyObject, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { tenant, actor } = await tenantFor(c, input.tenantId, 'media.upload');
      const { mediaId } = c.req.valid('param');
      const updated = await withTenant(c.var.db, tenant.id, async (tx) => {
        const [row] = await tx
          .update(media)
          .set({
            ...(input.altVi !== undefined ? { altVi: input.altVi?.normalize('NFC') ?? null } : {}),
            ...(input.altEn !== undefined ? { altEn: input.altEn ?? null } : {}),
          })
          .where(and(eq(media.tenantId, tenant.id), eq(media.id, mediaId)))
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
      return c.json({ media: presentMedia(updated) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/{mediaId}',
      summary: 'Delete a file; refused with the list of published items that use it',
      tags: ['media'],
      request: { params: MediaParamsSchema, query: TenantIdSchema },
      responses: {
        200: jsonResponse(AnyObject, 'Deleted'),
        409: jsonResponse(AnyObject, 'Still used by published items'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenant, actor } = await tenantFor(c, c.req.valid('query').tenantId, 'media.delete');
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
