import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('/api/admin/content', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let otherUnitId: string;
  let editor: ReturnType<typeof createAdminClient>;
  let otherEditor: ReturnType<typeof createAdminClient>;
  let editorName: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'cdsqg' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'cnict' })).id;
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const editorUser = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor', 'focal_point'] }],
    });
    editorName = editorUser.displayName;
    const otherUser = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['editor'] }],
    });
    editor = createAdminClient(testApp, testRootDomain);
    otherEditor = createAdminClient(testApp, testRootDomain);
    await editor.login(editorUser.email);
    await otherEditor.login(otherUser.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function createArticle(titleVi: string) {
    const response = await editor.post('/content/items', {
      tenantId: unitId,
      type: 'article',
      titleVi,
      bodyVi: '<p>Nội dung.</p>',
    });
    expect(response.status).toBe(201);
    return response.body as { itemId: string; revisionId: string; slug: string };
  }

  it('creates, saves and lists items', async () => {
    const created = await createArticle('Chuyển đổi số trong cơ quan nhà nước');
    const saved = await editor.put(`/content/items/${created.itemId}`, {
      tenantId: unitId,
      baseRevisionId: created.revisionId,
      titleVi: 'Chuyển đổi số trong cơ quan nhà nước năm 2026',
    });
    const list = await editor.get(`/content/items?tenantId=${unitId}&type=article`);

    expect(created.slug).toBe('chuyen-doi-so-trong-co-quan-nha-nuoc');
    expect(saved.status).toBe(200);
    expect(saved.body.number).toBe(2);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.itemId);
  });

  it('answers a stale save with 409 and who saved the newer revision', async () => {
    const created = await createArticle('Tin có xung đột khi lưu');
    await editor.put(`/content/items/${created.itemId}`, {
      tenantId: unitId,
      baseRevisionId: created.revisionId,
      titleVi: 'Bản thứ hai',
    });

    const stale = await editor.put(`/content/items/${created.itemId}`, {
      tenantId: unitId,
      baseRevisionId: created.revisionId,
      titleVi: 'Bản từ tab cũ',
    });

    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({
      currentRevisionNumber: 2,
      savedBy: expect.any(String),
    });
  });

  it('lists the actions this user may take', async () => {
    const created = await createArticle('Tin chờ gửi');

    const detail = await editor.get(`/content/items/${created.itemId}?tenantId=${unitId}`);

    expect(detail.body.allowedActions).toEqual(['submit', 'archive']);
  });

  it('takes workflow steps and names a missing note', async () => {
    const created = await createArticle('Tin đi qua quy trình');
    await editor.post(`/content/items/${created.itemId}/transitions`, {
      tenantId: unitId,
      action: 'submit',
    });

    const returned = await editor.post(`/content/items/${created.itemId}/transitions`, {
      tenantId: unitId,
      action: 'return',
    });
    const unknown = await editor.post(`/content/items/${created.itemId}/transitions`, {
      tenantId: unitId,
      action: 'fly',
    });

    expect(returned.status).toBe(400);
    expect(returned.body.error.fields).toEqual([
      { field: 'note', message: 'is required for this step' },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].field).toBe('action');
  });

  it('rejects an unknown content type with the field named', async () => {
    const response = await editor.post('/content/items', {
      tenantId: unitId,
      type: 'poem',
      titleVi: 'Thơ',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('type');
  });

  it("keeps another unit's editor out", async () => {
    const created = await createArticle('Tin nội bộ của Cục Chuyển đổi số');

    const throughOwnUnit = await otherEditor.get(
      `/content/items/${created.itemId}?tenantId=${otherUnitId}`,
    );
    const throughTheUnit = await otherEditor.get(
      `/content/items/${created.itemId}?tenantId=${unitId}`,
    );
    const save = await otherEditor.put(`/content/items/${created.itemId}`, {
      tenantId: otherUnitId,
      baseRevisionId: created.revisionId,
      titleVi: 'Sửa trộm',
    });
    const list = await otherEditor.get(`/content/items?tenantId=${unitId}`);

    expect(throughOwnUnit.status).toBe(404);
    expect(throughTheUnit.status).toBe(403);
    expect(save.status).toBe(404);
    expect(list.status).toBe(403);
  });

  it('names who saved each revision and took each step', async () => {
    const created = await createArticle('Tin có tên người xử lý');
    await editor.post(`/content/items/${created.itemId}/transitions`, {
      tenantId: unitId,
      action: 'submit',
    });

    const detail = await editor.get(`/content/items/${created.itemId}?tenantId=${unitId}`);

    expect(detail.body.revisions[0].createdByName).toBe(editorName);
    expect(detail.body.events.at(-1)).toMatchObject({ action: 'submit', actorName: editorName });
  });

  it('sends a submission to the main portal and follows it', async () => {
    const sent = await editor.post('/content/submissions', {
      tenantId: unitId,
      type: 'article',
      titleVi: 'Đề nghị đăng tin ra mắt nền tảng',
      bodyVi: '<p>Nội dung đề nghị.</p>',
      provenance: {
        senderName: 'Lê Văn Minh',
        senderTitle: 'Chuyên viên',
        purpose: 'Đăng trên Cổng Bộ',
      },
    });
    const followed = await editor.get(`/content/submissions?tenantId=${unitId}`);
    const byOtherUnit = await otherEditor.get(`/content/submissions?tenantId=${otherUnitId}`);

    expect(sent.status).toBe(201);
    expect(followed.body.submissions.map((entry: { id: string }) => entry.id)).toContain(
      sent.body.itemId,
    );
    expect(byOtherUnit.body.submissions).toEqual([]);
  });

  it('names the missing provenance fields of a submission', async () => {
    const response = await editor.post('/content/submissions', {
      tenantId: unitId,
      type: 'article',
      titleVi: 'Thiếu người gửi',
      provenance: { purpose: 'Đăng tin' },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((field: { field: string }) => field.field)).toEqual(
      expect.arrayContaining(['provenance.senderName', 'provenance.senderTitle']),
    );
  });

  it('keeps the review queue to the standing section', async () => {
    const response = await editor.get('/content/review-queue');

    expect(response.status).toBe(403);
  });

  it('gives a preview link on the portal host', async () => {
    const created = await createArticle('Tin xem trước');

    const response = await editor.post(`/content/items/${created.itemId}/preview-link`, {
      tenantId: unitId,
    });

    expect(response.status).toBe(200);
    expect(response.body.url).toMatch(
      new RegExp(`^http://cdsqg\\.${testRootDomain}/xem-truoc/[a-z2-7]{32}$`),
    );
  });
});
