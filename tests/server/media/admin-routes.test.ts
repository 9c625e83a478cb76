import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { makeJpeg } from './media-fixtures.ts';

describe('/api/admin/media', () => {
  let database: TestDatabase;
  let dataDir: string;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let otherUnitId: string;
  let editor: ReturnType<typeof createAdminClient>;
  let otherEditor: ReturnType<typeof createAdminClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-media-admin-'));
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'xbiph' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'ttdn' })).id;
    testApp = buildTestApp(database.db, { secondFactorRoles: [], dataDir });
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const other = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['editor'] }],
    });
    editor = createAdminClient(testApp, testRootDomain);
    otherEditor = createAdminClient(testApp, testRootDomain);
    await editor.login(user.email);
    await otherEditor.login(other.email);
  });

  afterAll(async () => {
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function upload(
    client: ReturnType<typeof createAdminClient>,
    tenantId: string,
    name: string,
    body: Buffer,
    headers: Record<string, string> = {},
  ) {
    return testApp.request(testRootDomain, `/api/admin/media?tenantId=${tenantId}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        origin: `http://${testRootDomain}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
        ...headers,
      },
      body: new Uint8Array(body),
    });
  }

  it('uploads an image and lists it', async () => {
    const response = await upload(editor, unitId, 'Ảnh hội nghị.jpg', await makeJpeg(800, 600));
    const body = await response.json();
    const list = await editor.get(`/media?tenantId=${unitId}&kind=image`);

    expect(response.status).toBe(201);
    expect(body.media.contentType).toBe('image/jpeg');
    expect(body.media.url).toMatch(/^\/media\/[0-9a-f-]{36}\//);
    expect(list.body.media.map((row: { id: string }) => row.id)).toContain(body.media.id);
  });

  it('returns the existing file for the same bytes', async () => {
    const bytes = await makeJpeg(640, 480);
    const first = await (await upload(editor, unitId, 'a.jpg', bytes)).json();

    const second = await upload(editor, unitId, 'b.jpg', bytes);

    expect(second.status).toBe(200);
    expect((await second.json()).media.id).toBe(first.media.id);
  });

  it('rejects a renamed executable', async () => {
    const elf = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.alloc(200),
    ]);

    const response = await upload(editor, unitId, 'anh.jpg', elf);

    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[0].field).toBe('file');
  });

  it('rejects a declared size over the limit before reading', async () => {
    const response = await upload(editor, unitId, 'lon.jpg', Buffer.alloc(10), {
      'content-length': String(500 * 1024 * 1024),
    });

    expect(response.status).toBe(413);
  });

  it('needs the file name header and the upload content type', async () => {
    const withoutName = await testApp.request(
      testRootDomain,
      `/api/admin/media?tenantId=${unitId}`,
      {
        method: 'POST',
        headers: {
          cookie: editor.cookie,
          origin: `http://${testRootDomain}`,
          'content-type': 'application/octet-stream',
        },
        body: new Uint8Array([120]),
      },
    );
    const asJson = await testApp.request(testRootDomain, `/api/admin/media?tenantId=${unitId}`, {
      method: 'POST',
      headers: {
        cookie: editor.cookie,
        origin: `http://${testRootDomain}`,
        'content-type': 'application/json',
        'x-file-name': 'a.jpg',
      },
      body: '{}',
    });

    expect(withoutName.status).toBe(400);
    expect(asJson.status).toBe(400);
  });

  it('rejects an upload from another origin', async () => {
    const response = await upload(editor, unitId, 'a.jpg', await makeJpeg(10, 10), {
      origin: 'https://attacker.example',
    });

    expect(response.status).toBe(403);
  });

  it('changes the alternative text', async () => {
    const created = await (
      await upload(editor, unitId, 'toa-nha.jpg', await makeJpeg(300, 200))
    ).json();

    const response = await testApp.request(testRootDomain, `/api/admin/media/${created.media.id}`, {
      method: 'PATCH',
      headers: {
        cookie: editor.cookie,
        origin: `http://${testRootDomain}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ tenantId: unitId, altVi: 'Toà nhà trụ sở' }),
    });

    expect(response.status).toBe(200);
    expect((await response.json()).media.altVi).toBe('Toà nhà trụ sở');
  });

  it("keeps another unit's editor away from the files", async () => {
    const created = await (
      await upload(editor, unitId, 'rieng.jpg', await makeJpeg(120, 90))
    ).json();

    const list = await otherEditor.get(`/media?tenantId=${unitId}`);
    const viaOwnUnit = await testApp.request(
      testRootDomain,
      `/api/admin/media/${created.media.id}?tenantId=${otherUnitId}`,
      {
        method: 'DELETE',
        headers: {
          cookie: otherEditor.cookie,
          origin: `http://${testRootDomain}`,
          'content-type': 'application/json',
        },
        body: '{}',
      },
    );
    const intoUnit = await upload(otherEditor, unitId, 'x.jpg', await makeJpeg(20, 20));

    expect(list.status).toBe(403);
    expect(viaOwnUnit.status).toBe(404);
    expect(intoUnit.status).toBe(403);
  });

  it('deletes an unused file', async () => {
    const created = await (await upload(editor, unitId, 'xoa.jpg', await makeJpeg(50, 50))).json();

    const response = await testApp.request(
      testRootDomain,
      `/api/admin/media/${created.media.id}?tenantId=${unitId}`,
      {
        method: 'DELETE',
        headers: {
          cookie: editor.cookie,
          origin: `http://${testRootDomain}`,
          'content-type': 'application/json',
        },
        body: '{}',
      },
    );
    const served = await testApp.request(`xbiph.${testRootDomain}`, created.media.url);

    expect(response.status).toBe(200);
    expect(served.status).toBe(404);
  });
});
