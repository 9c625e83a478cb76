import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ActingContext, TenantRef } from '../../../server/access/context.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { createFilesystemStore } from '../../../server/media/filesystem-store.ts';
import type { MediaStore } from '../../../server/media/store.ts';
import { defaultUploadLimits, storeUpload } from '../../../server/media/upload.ts';
import { updateBoardPolicy } from '../../../server/policies/board-changes.ts';
import { setPolicyOverride } from '../../../server/policies/overrides.ts';
import { effectiveUploadLimits, uploadLimitsFor } from '../../../server/policies/uploads.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';
import { createTemporaryFolder, makePng, pdfBytes } from '../media/media-fixtures.ts';

const mebibyte = 1024 * 1024;

describe('upload policies', () => {
  let database: TestDatabase;
  let head: ActingContext;
  let unit: TenantRef;
  let unitAdmin: ActingContext;
  let storeRoot: Awaited<ReturnType<typeof createTemporaryFolder>>;
  let store: MediaStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    head = actingAs(randomUUID(), { board: ['board_head'] });
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(async () => {
    unit = tenantRef(await createTenant(database.db));
    unitAdmin = actingAs(randomUUID(), { tenant: [{ tenantId: unit.id, roles: ['unit_admin'] }] });
    storeRoot = await createTemporaryFolder('policy-media');
    store = createFilesystemStore(storeRoot.folder);
  });

  afterEach(async () => {
    await storeRoot.remove();
  });

  async function upload(bytes: Buffer, fileName: string) {
    const limits = await withTenant(database.db, unit.id, (tx) =>
      effectiveUploadLimits(tx, unit.id),
    );
    return storeUpload(database.db, store, {
      tenantId: unit.id,
      uploaderId: null,
      fileName,
      stream: Readable.from([bytes]),
      limits,
    });
  }

  function override(key: string, value: unknown) {
    return setPolicyOverride(database.db, unitAdmin, unit, key, {
      value,
      reason: 'Đơn vị siết giới hạn tải lên',
    });
  }

  it('gives the default limits while no policy is set', async () => {
    expect(await uploadLimitsFor(database.db)(unit.id)).toEqual(defaultUploadLimits);
  });

  it('rejects a type the tenant removed', async () => {
    await override(
      'media.upload_types',
      defaultUploadLimits.allowedTypes.filter((mime) => mime !== 'application/pdf'),
    );

    await expect(upload(pdfBytes(), 'bao-cao.pdf')).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'file' }],
    });
    expect((await upload(await makePng(40, 30), 'anh.png')).isDuplicate).toBe(false);
  });

  it("rejects a file over the tenant's size limit", async () => {
    await override('media.max_upload_bytes', 2048);

    await expect(upload(pdfBytes('%'.repeat(4096)), 'lon.pdf')).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it("rejects a file that would pass the tenant's quota", async () => {
    await override('media.quota_bytes', mebibyte);
    await upload(pdfBytes(`% ${'a'.repeat(600_000)}\n`), 'mot.pdf');

    await expect(upload(pdfBytes(`% ${'b'.repeat(600_000)}\n`), 'hai.pdf')).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('takes types the board adds, tenants not', async () => {
    await updateBoardPolicy(database.db, head, 'media.upload_types', {
      value: [...defaultUploadLimits.allowedTypes, 'application/zip'],
      reason: 'Nhận tệp nén hồ sơ',
    });

    const limits = await uploadLimitsFor(database.db)(unit.id);

    expect(limits.allowedTypes).toContain('application/zip');
    await expect(
      override('media.upload_types', [...limits.allowedTypes, 'application/x-7z-compressed']),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
