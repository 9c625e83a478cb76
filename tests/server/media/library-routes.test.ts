import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { media } from '../../../server/db/schema/media.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { recordMediaUsage } from '../../../server/media/delete.ts';
import { setPolicyOverride } from '../../../server/policies/overrides.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createItem, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { actingAs, tenantRef } from '../../helpers/workflow.ts';
import { docxBytes, makeJpeg, makePng, pdfBytes } from './media-fixtures.ts';

type AdminClient = ReturnType<typeof createAdminClient>;
type PresentedMedia = {
  id: string;
  originalName: string;
  url: string;
  publicUrl: string;
  thumbnailUrl: string | null;
  variants: { width: number; format: string; url: string }[];
  uploaderName: string | null;
  altVi: string | null;
};

describe('media library routes', () => {
  let database: TestDatabase;
  let dataDir: string;
  let testApp: ReturnType<typeof buildTestApp>;
  let unit: Awaited<ReturnType<typeof createTenant>>;
  let otherUnit: Awaited<ReturnType<typeof createTenant>>;
  let editor: AdminClient;
  let author: AdminClient;
  let otherEditor: AdminClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-media-library-'));
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unit = await createTenant(database.db, { slug: 'cds' });
    otherUnit = await createTenant(database.db, { slug: 'vnnic' });
    testApp = buildTestApp(database.db, { secondFactorRoles: [], dataDir });
    const editorUser = await createUser(database.db, {
      displayName: 'Nguyễn Thị Biên Tập',
      memberships: [{ tenantId: unit.id, roles: ['editor'] }],
    });
    const authorUser = await createUser(database.db, {
      memberships: [{ tenantId: unit.id, roles: ['author'] }],
    });
    const otherUser = await createUser(database.db, {
      memberships: [{ tenantId: otherUnit.id, roles: ['editor'] }],
    });
    editor = createAdminClient(testApp, testRootDomain);
    author = createAdminClient(testApp, testRootDomain);
    otherEditor = createAdminClient(testApp, testRootDomain);
    await editor.login(editorUser.email);
    await author.login(authorUser.email);
    await otherEditor.login(otherUser.email);
  });

  afterAll(async () => {
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function upload(
    client: AdminClient,
    tenantId: string,
    name: string,
    body: Buffer,
  ): Promise<PresentedMedia> {
    const response = await testApp.request(
      testRootDomain,
      `/api/admin/media?tenantId=${tenantId}`,
      {
        method: 'POST',
        headers: {
          cookie: client.cookie,
          origin: `http://${testRootDomain}`,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
        },
        body: new Uint8Array(body),
      },
    );
    expect(response.status, `upload of ${name}`).toBeLessThan(300);
    return (await response.json()).media;
  }

  function send(
    client: AdminClient | undefined,
    method: string,
    pathAndQuery: string,
    body?: unknown,
  ) {
    return testApp.request(testRootDomain, `/api/admin${pathAndQuery}`, {
      method,
      headers: {
        ...(client ? { cookie: client.cookie } : {}),
        ...(method === 'GET'
          ? {}
          : { origin: `http://${testRootDomain}`, 'content-type': 'application/json' }),
      },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  }

  async function listIds(query: string): Promise<string[]> {
    const list = await editor.get(`/media?tenantId=${unit.id}&${query}`);
    expect(list.status).toBe(200);
    return list.body.media.map((row: PresentedMedia) => row.id);
  }

  async function setCreatedAt(mediaId: string, createdAt: Date) {
    await withTenant(database.db, unit.id, (tx) =>
      tx
        .update(media)
        .set({ createdAt })
        .where(and(eq(media.tenantId, unit.id), eq(media.id, mediaId))),
    );
  }

  describe('GET /api/admin/media', () => {
    it('presents links, thumbnail and uploader', async () => {
      const photo = await upload(editor, unit.id, 'Lễ ra mắt.jpg', await makeJpeg(1200, 800));

      const list = await editor.get(`/media?tenantId=${unit.id}&q=ra mắt`);
      const row: PresentedMedia = list.body.media[0];

      expect(row.id).toBe(photo.id);
      expect(row.publicUrl).toBe(`http://cds.${testRootDomain}${row.url}`);
      expect(row.thumbnailUrl).toBe(`/api/admin/media/${photo.id}/thumbnail?tenantId=${unit.id}`);
      expect(row.variants.map((variant) => variant.width)).toContain(480);
      expect(row.variants[0]!.url).toMatch(new RegExp(`^/media/${photo.id}/w/\\d+/`));
      expect(row.uploaderName).toBe('Nguyễn Thị Biên Tập');
    });

    it('reports storage use and limits', async () => {
      await upload(editor, unit.id, 'so-lieu.pdf', pdfBytes('% so lieu\n'));
      const rows = await withTenant(database.db, unit.id, (tx) =>
        tx.select({ size: media.sizeBytes }).from(media).where(eq(media.tenantId, unit.id)),
      );

      const list = await editor.get(`/media?tenantId=${unit.id}`);

      expect(list.body.storage.usedBytes).toBe(rows.reduce((sum, row) => sum + row.size, 0));
      expect(list.body.storage.quotaBytes).toBe(2 * 1024 * 1024 * 1024);
      expect(list.body.storage.maxFileBytes).toBe(20 * 1024 * 1024);
      expect(list.body.storage.allowedTypes).toContain('application/pdf');
    });

    it('filters PDF apart from office documents', async () => {
      const pdf = await upload(editor, unit.id, 'quyet-dinh.pdf', pdfBytes('% quyet dinh\n'));
      const docx = await upload(editor, unit.id, 'cong-van.docx', docxBytes('Công văn'));
      const png = await upload(editor, unit.id, 'bieu-do.png', await makePng(60, 40));

      const pdfIds = await listIds('kind=pdf');
      const officeIds = await listIds('kind=office');
      const imageIds = await listIds('kind=image');

      expect(pdfIds).toContain(pdf.id);
      expect(pdfIds).not.toContain(docx.id);
      expect(officeIds).toContain(docx.id);
      expect(officeIds).not.toContain(pdf.id);
      expect(imageIds).toContain(png.id);
      expect(imageIds).not.toContain(pdf.id);
    });

    it('filters by upload day in Vietnam time', async () => {
      const early = await upload(editor, unit.id, 'dau-thang.pdf', pdfBytes('% dau thang\n'));
      const late = await upload(editor, unit.id, 'cuoi-thang.pdf', pdfBytes('% cuoi thang\n'));
      // 2026-03-01 06:30 in Vietnam is still 2026-02-28 in UTC.
      await setCreatedAt(early.id, new Date('2026-02-28T23:30:00Z'));
      await setCreatedAt(late.id, new Date('2026-03-31T16:59:00Z'));

      const march = await listIds('from=2026-03-01&to=2026-03-31');
      const firstDay = await listIds('from=2026-03-01&to=2026-03-01');
      const fromApril = await listIds('from=2026-04-01');

      expect(march).toEqual(expect.arrayContaining([early.id, late.id]));
      expect(firstDay).toEqual([early.id]);
      expect(fromApril).not.toContain(late.id);
    });

    it('rejects a malformed day, naming the field', async () => {
      const list = await editor.get(`/media?tenantId=${unit.id}&from=01/03/2026`);

      expect(list.status).toBe(400);
      expect(list.body.error.fields[0].field).toBe('from');
    });

    it('reflects a lowered quota', async () => {
      const unitAdmin = actingAs(randomUUID(), {
        tenant: [{ tenantId: otherUnit.id, roles: ['unit_admin'] }],
      });
      await setPolicyOverride(database.db, unitAdmin, tenantRef(otherUnit), 'media.quota_bytes', {
        value: 1024 * 1024,
        reason: 'Đơn vị giới hạn dung lượng',
      });

      const list = await otherEditor.get(`/media?tenantId=${otherUnit.id}`);

      expect(list.body.storage.quotaBytes).toBe(1024 * 1024);
    });
  });

  describe('GET /api/admin/media/{mediaId}', () => {
    it('lists every item that uses the file', async () => {
      const file = await upload(editor, unit.id, 'ban-do.png', await makePng(90, 60));
      const published = await createItem(database.db, unit.id, {
        slug: 'ban-do-hanh-chinh',
        titleVi: 'Bản đồ hành chính',
      });
      const draft = await createItem(database.db, unit.id, { slug: 'nhap', isPublished: false });
      await withTenant(database.db, unit.id, async (tx) => {
        await recordMediaUsage(tx, unit.id, published.id, [file.id]);
        await recordMediaUsage(tx, unit.id, draft.id, [file.id]);
      });

      const detail = await editor.get(`/media/${file.id}?tenantId=${unit.id}`);

      expect(detail.status).toBe(200);
      expect(detail.body.media.id).toBe(file.id);
      expect(detail.body.usages).toEqual([
        {
          itemId: published.id,
          type: 'article',
          slug: 'ban-do-hanh-chinh',
          status: 'published',
          titleVi: 'Bản đồ hành chính',
        },
        {
          itemId: draft.id,
          type: 'article',
          slug: 'nhap',
          status: 'draft',
          titleVi: 'Tiêu đề nhap',
        },
      ]);
    });

    it('needs a session', async () => {
      const file = await upload(editor, unit.id, 'phien.pdf', pdfBytes('% phien\n'));

      const response = await send(undefined, 'GET', `/media/${file.id}?tenantId=${unit.id}`);

      expect(response.status).toBe(401);
    });

    it("refuses another unit's editor", async () => {
      const file = await upload(editor, unit.id, 'noi-bo.pdf', pdfBytes('% noi bo\n'));

      const response = await send(otherEditor, 'GET', `/media/${file.id}?tenantId=${unit.id}`);

      expect(response.status).toBe(403);
    });

    it("finds no file of another tenant through one's own", async () => {
      const file = await upload(editor, unit.id, 'khac.pdf', pdfBytes('% khac\n'));

      const response = await send(otherEditor, 'GET', `/media/${file.id}?tenantId=${otherUnit.id}`);

      expect(response.status).toBe(404);
    });
  });

  describe('GET /api/admin/media/{mediaId}/thumbnail', () => {
    it('serves the smallest WebP variant', async () => {
      const photo = await upload(editor, unit.id, 'hoi-nghi.jpg', await makeJpeg(2000, 1000));

      const response = await send(
        editor,
        'GET',
        `/media/${photo.id}/thumbnail?tenantId=${unit.id}`,
      );
      const image = await sharp(Buffer.from(await response.arrayBuffer())).metadata();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.format).toBe('webp');
      expect(image.width).toBe(480);
    });

    it('serves a wider variant on request', async () => {
      const photo = await upload(editor, unit.id, 'toan-canh.jpg', await makeJpeg(2000, 1000));

      const response = await send(
        editor,
        'GET',
        `/media/${photo.id}/thumbnail?tenantId=${unit.id}&minWidth=900`,
      );
      const image = await sharp(Buffer.from(await response.arrayBuffer())).metadata();

      expect(image.width).toBe(960);
    });

    it('serves a small image itself', async () => {
      const icon = await upload(editor, unit.id, 'bieu-tuong.png', await makePng(64, 64));

      const response = await send(editor, 'GET', `/media/${icon.id}/thumbnail?tenantId=${unit.id}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    });

    it('has no thumbnail for a PDF', async () => {
      const pdf = await upload(editor, unit.id, 'khong-anh.pdf', pdfBytes('% khong anh\n'));

      const response = await send(editor, 'GET', `/media/${pdf.id}/thumbnail?tenantId=${unit.id}`);

      expect(pdf.thumbnailUrl).toBeNull();
      expect(response.status).toBe(404);
    });

    it('needs a session', async () => {
      const icon = await upload(editor, unit.id, 'an-danh.png', await makePng(30, 30));

      const response = await send(
        undefined,
        'GET',
        `/media/${icon.id}/thumbnail?tenantId=${unit.id}`,
      );

      expect(response.status).toBe(401);
    });

    it("refuses another unit's editor", async () => {
      const icon = await upload(editor, unit.id, 'rieng-tu.png', await makePng(31, 31));

      const response = await send(
        otherEditor,
        'GET',
        `/media/${icon.id}/thumbnail?tenantId=${unit.id}`,
      );
      const viaOwn = await send(
        otherEditor,
        'GET',
        `/media/${icon.id}/thumbnail?tenantId=${otherUnit.id}`,
      );

      expect(response.status).toBe(403);
      expect(viaOwn.status).toBe(404);
    });
  });

  describe('PATCH /api/admin/media/{mediaId}', () => {
    it('clears an emptied alternative text', async () => {
      const photo = await upload(editor, unit.id, 'tru-so.png', await makePng(50, 40));
      await send(editor, 'PATCH', `/media/${photo.id}`, { tenantId: unit.id, altVi: 'Trụ sở' });

      const response = await send(editor, 'PATCH', `/media/${photo.id}`, {
        tenantId: unit.id,
        altVi: '   ',
        altEn: 'Head office',
      });
      const body = await response.json();

      expect(response.status).toBe(200);
      expect(body.media.altVi).toBeNull();
      expect(body.media.altEn).toBe('Head office');
      expect(body.media.publicUrl).toBe(`http://cds.${testRootDomain}${photo.url}`);
    });
  });

  describe('POST /api/admin/media', () => {
    it('marks a declared size over the limit', async () => {
      const response = await testApp.request(
        testRootDomain,
        `/api/admin/media?tenantId=${unit.id}`,
        {
          method: 'POST',
          headers: {
            cookie: author.cookie,
            origin: `http://${testRootDomain}`,
            'content-type': 'application/octet-stream',
            'x-file-name': 'lon.pdf',
            'content-length': String(21 * 1024 * 1024),
          },
          body: new Uint8Array(8),
        },
      );
      const body = await response.json();

      expect(response.status).toBe(413);
      expect(body.error.details.limit).toBe('file_size');
      expect(body.error.fields[0].field).toBe('file');
    });

    it('marks a full quota', async () => {
      // The quota of the other unit is 1 MiB, set in the list's test above.
      const first = pdfBytes(`% ${'a'.repeat(700_000)}\n`);
      const second = pdfBytes(`% ${'b'.repeat(700_000)}\n`);
      await upload(otherEditor, otherUnit.id, 'mot.pdf', first);

      const response = await testApp.request(
        testRootDomain,
        `/api/admin/media?tenantId=${otherUnit.id}`,
        {
          method: 'POST',
          headers: {
            cookie: otherEditor.cookie,
            origin: `http://${testRootDomain}`,
            'content-type': 'application/octet-stream',
            'x-file-name': 'hai.pdf',
          },
          body: new Uint8Array(second),
        },
      );
      const body = await response.json();

      expect(response.status).toBe(413);
      expect(body.error.details.limit).toBe('quota');
    });
  });

  describe('DELETE /api/admin/media/{mediaId}', () => {
    it('lists the published items that block it', async () => {
      const file = await upload(editor, unit.id, 'dang-dung.png', await makePng(70, 50));
      const item = await createItem(database.db, unit.id, { slug: 'dang-dung' });
      await withTenant(database.db, unit.id, (tx) =>
        recordMediaUsage(tx, unit.id, item.id, [file.id]),
      );

      const response = await send(editor, 'DELETE', `/media/${file.id}?tenantId=${unit.id}`);
      const body = await response.json();

      expect(response.status).toBe(409);
      expect(body.error.details.usages).toEqual([
        { itemId: item.id, type: 'article', slug: 'dang-dung' },
      ]);
    });

    it('is refused to an author', async () => {
      const file = await upload(author, unit.id, 'tac-gia.png', await makePng(71, 51));

      const response = await send(author, 'DELETE', `/media/${file.id}?tenantId=${unit.id}`);

      expect(response.status).toBe(403);
    });
  });
});
