import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { and, eq, sql } from 'drizzle-orm';

import { media } from '../db/schema/media.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { detectFileType, readFileHead } from './detect-type.ts';
import { measureStoredBytes } from './library.ts';
import { sanitizeFileName } from './file-name.ts';
import { prepareMedia, type PendingObject, type PreparedMedia } from './prepare-media.ts';
import { receiveToFile, type ReceivedFile, type UploadSource } from './receive.ts';
import type { MediaStore } from './store.ts';
import { checkFileType, checkQuota, type UploadLimits } from './upload-limits.ts';

export { defaultUploadLimits, type UploadLimits } from './upload-limits.ts';

export type MediaRow = typeof media.$inferSelect;

export type StoreUploadOptions = {
  tenantId: string;
  uploaderId: string | null;
  /** The name the client gave; only its cleaned stem is kept. */
  fileName: string;
  stream: UploadSource;
  limits: UploadLimits;
  altVi?: string;
  altEn?: string;
  /** Keeps the file out of the library and off the public site, for files sent with feedback. */
  isPrivate?: boolean;
  /** The folder under which the upload is spooled while it is checked; the OS's by default. */
  workFolder?: string;
  log?: Logger;
};

export type StoredUpload = {
  media: MediaRow;
  /** True when the tenant already had a file with the same bytes, which is returned instead. */
  isDuplicate: boolean;
};

async function findBySha256(tx: Tx, tenantId: string, sha256: string, isPrivate: boolean) {
  const [row] = await tx
    .select()
    .from(media)
    .where(
      and(eq(media.tenantId, tenantId), eq(media.isPrivate, isPrivate), eq(media.sha256, sha256)),
    );

  return row;
}

async function putObjects(store: MediaStore, objects: PendingObject[], storedKeys: string[]) {
  for (const object of objects) {
    // Recorded before the put, so a put that fails halfway is cleaned up as well.
    storedKeys.push(object.key);
    await store.put(object.key, createReadStream(object.file), {
      contentType: object.contentType,
      size: object.sizeBytes,
    });
  }
}

async function deleteObjects(store: MediaStore, keys: string[], log: Logger | undefined) {
  const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      log?.error({ err: result.reason, objectKey: keys[index] }, 'could not delete media object');
    }
  });
}

type InsertValues = typeof media.$inferInsert;

/**
 * Inserts the row unless the quota is full or the same bytes arrived meanwhile. An advisory
 * lock per tenant serialises uploads of one tenant, so two cannot both fit the last of a
 * quota.
 */
async function insertMedia(
  db: Db,
  values: InsertValues & { tenantId: string; sha256: string },
  limits: UploadLimits,
): Promise<StoredUpload> {
  return withTenant(db, values.tenantId, async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`media-quota:${values.tenantId}`}))`,
    );
    const existing = await findBySha256(
      tx,
      values.tenantId,
      values.sha256,
      values.isPrivate ?? false,
    );
    if (existing) {
      return { media: existing, isDuplicate: true };
    }
    checkQuota(await measureStoredBytes(tx, values.tenantId), values.sizeBytes, limits);
    const [row] = await tx.insert(media).values(values).returning();

    return { media: row!, isDuplicate: false };
  });
}

async function receiveUpload(options: StoreUploadOptions, file: string): Promise<ReceivedFile> {
  const received = await receiveToFile(options.stream, file, options.limits.maxBytes);
  if (received.sizeBytes === 0) {
    throw new AppError('invalid_input', 'The file is empty.', {
      fields: [{ field: 'file', message: 'The file has no content.' }],
    });
  }

  return received;
}

function rowValues(options: StoreUploadOptions, prepared: PreparedMedia, sha256: string) {
  return {
    tenantId: options.tenantId,
    objectKey: prepared.objectKey,
    originalName: sanitizeFileName(options.fileName, prepared.extension),
    contentType: prepared.contentType,
    sizeBytes: prepared.sizeBytes,
    sha256,
    width: prepared.width,
    height: prepared.height,
    altVi: options.altVi?.trim() || null,
    altEn: options.altEn?.trim() || null,
    variants: prepared.variants,
    uploadedBy: options.uploaderId,
    isPrivate: options.isPrivate ?? false,
  };
}

/**
 * Stores one uploaded file for a tenant. The upload is spooled to a work folder while it is
 * hashed and held to `maxBytes`. Empty files are rejected, and bytes the tenant already has
 * return the existing row. After the quota check the type is detected from the bytes and
 * checked against `limits`. Images are then re-encoded (metadata stripped, variants made) or
 * SVG is sanitised. The objects go into the store and only then is the row inserted. When
 * anything after the first put fails, the stored objects are deleted again. Errors about the
 * file are AppErrors with a `file` field.
 */
export async function storeUpload(
  db: Db,
  store: MediaStore,
  options: StoreUploadOptions,
): Promise<StoredUpload> {
  const { tenantId, limits } = options;
  const workFolder = await mkdtemp(path.join(options.workFolder ?? tmpdir(), 'media-upload-'));
  const storedKeys: string[] = [];
  try {
    const file = path.join(workFolder, 'upload');
    const received = await receiveUpload(options, file);
    const existing = await withTenant(db, tenantId, (tx) =>
      findBySha256(tx, tenantId, received.sha256, options.isPrivate ?? false),
    );
    if (existing) {
      return { media: existing, isDuplicate: true };
    }
    // Checked early, so an upload that cannot fit is not processed. insertMedia checks again.
    const used = await withTenant(db, tenantId, (tx) => measureStoredBytes(tx, tenantId));
    checkQuota(used, received.sizeBytes, limits);

    const head = await readFileHead(file);
    const type = await detectFileType(file, head);
    checkFileType(type, head, limits);
    const prepared = await prepareMedia(tenantId, file, received.sizeBytes, type, workFolder);

    await putObjects(store, prepared.objects, storedKeys);
    const stored = await insertMedia(db, rowValues(options, prepared, received.sha256), limits);
    if (stored.isDuplicate) {
      // The same bytes were stored by a concurrent upload while this one was processed.
      await deleteObjects(store, storedKeys, options.log);
      return stored;
    }
    options.log?.info(
      { mediaId: stored.media.id, contentType: stored.media.contentType },
      'media stored',
    );

    return stored;
  } catch (error) {
    await deleteObjects(store, storedKeys, options.log);
    throw error;
  } finally {
    await rm(workFolder, { recursive: true, force: true });
  }
}
