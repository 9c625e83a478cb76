import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clientIp } from '../client-ip.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { authorizeMediaAction, linkBaseFor, type MediaAdminOptions } from './admin-context.ts';
import { presentMedia } from './admin-schemas.ts';
import { findUploaderName } from './library.ts';
import { fileSizeLimitError } from './receive.ts';
import { storeUpload } from './upload.ts';

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
 * Stores the file of a `POST /api/admin/media` request for the tenant, writes the
 * audit entry of a new file, and returns the stored upload with its presented row. A declared
 * length over the limit is rejected before any byte is read.
 */
export async function receiveAdminUpload(
  c: Context<AppEnv>,
  options: MediaAdminOptions,
  tenantId: string,
) {
  const { tenant, actor } = await authorizeMediaAction(c, tenantId, 'media.upload');
  const fileName = decodeFileName(c.req.header('x-file-name'));
  const limits = await options.limitsFor(tenant.id);
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    throw fileSizeLimitError(limits.maxBytes);
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
        after: { originalName: stored.media.originalName, contentType: stored.media.contentType },
        ipAddress: clientIp(c),
        requestId: c.var.requestId,
      }),
    );
  }
  const uploaderName = await findUploaderName(c.var.db, stored.media.uploadedBy);
  const presented = presentMedia(
    { ...stored.media, uploaderName },
    await linkBaseFor(c, tenant.id),
  );

  return { stored, presented };
}
