import { Readable } from 'node:stream';

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { media, mediaUsages } from '../../../server/db/schema/media.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { AppError } from '../../../server/errors.ts';
import { deleteMedia, recordMediaUsage } from '../../../server/media/delete.ts';
import { createFilesystemStore } from '../../../server/media/filesystem-store.ts';
import { createS3Store } from '../../../server/media/s3-store.ts';
import type { MediaStore } from '../../../server/media/store.ts';
import { defaultUploadLimits, storeUpload } from '../../../server/media/upload.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createItem, createTenant } from '../../helpers/factories.ts';
import {
  createTemporaryFolder,
  findClosedPort,
  listFiles,
  makeJpeg,
  pdfBytes,
  s3SettingsFor,
} from './media-fixtures.ts';

async function rejectionOf(attempt: Promise<unknown>): Promise<AppError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }

  throw new Error('expected the call to be rejected, but it succeeded');
}

describe('deleteMedia', () => {
  let database: TestDatabase;
  let tenantId: string;
  let storeRoot: Awaited<ReturnType<typeof createTemporaryFolder>>;
  let store: MediaStore;

  const upload = async (bytes: Buffer, fileName: string) => {
    const stored = await storeUpload(database.db, store, {
      tenantId,
      uploaderId: null,
      fileName,
      stream: Readable.from([bytes]),
      limits: defaultUploadLimits,
    });
    return stored.media;
  };

  const findRow = (id: string) =>
    withTenant(database.db, tenantId, (tx) => tx.select().from(media).where(eq(media.id, id)));

  const listUsages = () =>
    withTenant(database.db, tenantId, (tx) =>
      tx.select().from(mediaUsages).where(eq(mediaUsages.tenantId, tenantId)),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(async () => {
    tenantId = (await createTenant(database.db)).id;
    storeRoot = await createTemporaryFolder('media-store');
    store = createFilesystemStore(storeRoot.folder);
  });

  afterEach(async () => {
    await storeRoot.remove();
  });

  it('deletes an unused image with its variants', async () => {
    const row = await upload(await makeJpeg(1000, 600), 'anh.jpg');
    expect(await listFiles(storeRoot.folder)).toHaveLength(5);

    await deleteMedia(database.db, store, tenantId, row.id);

    expect(await findRow(row.id)).toEqual([]);
    expect(await listFiles(storeRoot.folder)).toEqual([]);
  });

  it('rejects while published items use it', async () => {
    const row = await upload(pdfBytes('% used\n'), 'quy-che.pdf');
    const published = await createItem(database.db, tenantId, { slug: 'quy-che-moi' });
    const page = await createItem(database.db, tenantId, { type: 'page', slug: 'gioi-thieu' });
    await withTenant(database.db, tenantId, async (tx) => {
      await recordMediaUsage(tx, tenantId, published.id, [row.id]);
      await recordMediaUsage(tx, tenantId, page.id, [row.id]);
    });

    const error = await rejectionOf(deleteMedia(database.db, store, tenantId, row.id));

    expect(error.code).toBe('conflict');
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      'The file is used by 2 published item(s). Remove it from them first.',
    );
    expect(error.details).toEqual({
      usages: [
        { itemId: published.id, type: 'article', slug: 'quy-che-moi' },
        { itemId: page.id, type: 'page', slug: 'gioi-thieu' },
      ],
    });
    expect(await findRow(row.id)).toHaveLength(1);
    expect(await listFiles(storeRoot.folder)).toHaveLength(1);
  });

  it('deletes a file only drafts use', async () => {
    const row = await upload(pdfBytes('% draft\n'), 'du-thao.pdf');
    const draft = await createItem(database.db, tenantId, { isPublished: false });
    await withTenant(database.db, tenantId, (tx) =>
      recordMediaUsage(tx, tenantId, draft.id, [row.id]),
    );

    await deleteMedia(database.db, store, tenantId, row.id);

    expect(await findRow(row.id)).toEqual([]);
    expect(await listUsages()).toEqual([]);
  });

  it('answers not found for another portal file', async () => {
    const row = await upload(pdfBytes('% mine\n'), 'cua-toi.pdf');
    const otherTenant = (await createTenant(database.db)).id;

    const error = await rejectionOf(deleteMedia(database.db, store, otherTenant, row.id));

    expect(error.code).toBe('not_found');
    expect(await findRow(row.id)).toHaveLength(1);
    expect(await listFiles(storeRoot.folder)).toHaveLength(1);
  });

  it('keeps the row when the S3 store is down', async () => {
    const row = await upload(pdfBytes('% outage\n'), 'mat-ket-noi.pdf');
    const deadStore = createS3Store(s3SettingsFor(await findClosedPort()));

    const error = await rejectionOf(deleteMedia(database.db, deadStore, tenantId, row.id));

    expect(error.code).toBe('unavailable');
    expect(await findRow(row.id)).toHaveLength(1);
  });
});

describe('recordMediaUsage', () => {
  let database: TestDatabase;
  let storeRoot: Awaited<ReturnType<typeof createTemporaryFolder>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    storeRoot = await createTemporaryFolder('media-store');
  });

  afterAll(async () => {
    await database.destroy();
    await storeRoot.remove();
  });

  it("replaces an item's rows, skipping unusable ids", async () => {
    const store = createFilesystemStore(storeRoot.folder);
    const tenantId = (await createTenant(database.db)).id;
    const otherTenantId = (await createTenant(database.db)).id;
    const uploadFor = async (tenant: string, marker: string) => {
      const stored = await storeUpload(database.db, store, {
        tenantId: tenant,
        uploaderId: null,
        fileName: `${marker}.pdf`,
        stream: Readable.from([pdfBytes(`% ${marker}\n`)]),
        limits: defaultUploadLimits,
      });
      return stored.media.id;
    };
    const first = await uploadFor(tenantId, 'first');
    const second = await uploadFor(tenantId, 'second');
    const foreign = await uploadFor(otherTenantId, 'foreign');
    const item = await createItem(database.db, tenantId);

    const usedAfter = (mediaIds: string[]) =>
      withTenant(database.db, tenantId, async (tx) => {
        await recordMediaUsage(tx, tenantId, item.id, mediaIds);
        const rows = await tx
          .select({ mediaId: mediaUsages.mediaId })
          .from(mediaUsages)
          .where(eq(mediaUsages.itemId, item.id));
        return rows.map((row) => row.mediaId).sort();
      });

    expect(await usedAfter([first, first, 'not-a-uuid'])).toEqual([first]);
    expect(await usedAfter([second, foreign])).toEqual([second]);
    expect(await usedAfter([])).toEqual([]);
  });
});
