import { Readable } from 'node:stream';

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';

import { errorResponses, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { feedbackCases, media } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { contentDisposition } from '../media/file-name.ts';
import { mediaContentSecurityPolicy } from '../media/routes.ts';
import type { MediaStore } from '../media/store.ts';
import { tenantFor } from './route-context.ts';

const AttachmentParamsSchema = z.object({ caseId: z.uuid(), mediaId: z.uuid() });

/**
 * Adds `GET /cases/{caseId}/attachments/{mediaId}`, the download of a file a sender attached,
 * to the feedback router. Attachments are private media of the portal that received the case,
 * so only its staff with `feedback.read` get them. A unit the case was forwarded to does not,
 * and every download is audited, because the files may carry the sender's personal data.
 */
export function registerAttachmentRoute(router: OpenAPIHono<AppEnv>, store: MediaStore) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{caseId}/attachments/{mediaId}',
      summary: 'Download a file the sender attached to a case',
      tags: ['feedback'],
      request: { params: AttachmentParamsSchema, query: z.object({ tenantId: z.uuid() }) },
      responses: {
        200: {
          content: { 'application/octet-stream': { schema: z.string() } },
          description: 'The file, always as a download',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { caseId, mediaId } = c.req.valid('param');
      const { tenant, context } = await tenantFor(
        c,
        c.req.valid('query').tenantId,
        'feedback.read',
      );
      const file = await withTenant(c.var.db, tenant.id, async (tx) => {
        const [row] = await tx
          .select({ attachmentMediaIds: feedbackCases.attachmentMediaIds })
          .from(feedbackCases)
          .where(and(eq(feedbackCases.tenantId, tenant.id), eq(feedbackCases.id, caseId)));
        if (!row?.attachmentMediaIds.includes(mediaId)) {
          throw new AppError('not_found', 'This case has no attachment with this id');
        }
        const [stored] = await tx
          .select()
          .from(media)
          .where(and(eq(media.tenantId, tenant.id), eq(media.id, mediaId)));
        if (!stored) {
          throw new AppError('not_found', 'This case has no attachment with this id');
        }
        await appendAudit(tx, {
          tenantId: tenant.id,
          actorUserId: context.actor.userId,
          action: 'feedback.read_attachment',
          resourceType: 'feedback_case',
          resourceId: caseId,
          after: { mediaId },
          ipAddress: context.ipAddress,
          requestId: context.requestId,
        });
        return stored;
      });

      const object = await store.get(file.objectKey);
      if (!object) {
        c.var.log.error({ objectKey: file.objectKey, caseId }, 'attachment missing from the store');
        throw new AppError('not_found', 'The stored copy of this attachment is missing');
      }
      c.header('Content-Type', file.contentType);
      c.header('Content-Length', String(object.size));
      // Always a download, never shown inline, since the sender chose the bytes.
      c.header('Content-Disposition', contentDisposition('attachment', file.originalName));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', mediaContentSecurityPolicy);

      return c.body(Readable.toWeb(object.body) as unknown as ReadableStream<Uint8Array>, 200);
    },
  );
}
