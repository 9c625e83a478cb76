import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { feedbackCases, type FeedbackState } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

type Client = ReturnType<typeof createAdminClient>;
type Entry = { id: string; kind: string; actions: string[]; dueAt: string | null };

const dayMs = 24 * 60 * 60 * 1000;

describe('/api/admin/dashboard', () => {
  let database: TestDatabase;
  let mainId: string;
  let unitId: string;
  let otherUnitId: string;
  let author: Client;
  let unitEditor: Client;
  let otherEditor: Client;
  let standingStaff: Client;
  let authorName: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    mainId = (await createTenant(database.db, { slug: 'mic', kind: 'main' })).id;
    unitId = (await createTenant(database.db, { slug: 'cdsqg' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'cnict' })).id;
    const app = buildTestApp(database.db, { secondFactorRoles: [] });
    const authorUser = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    authorName = authorUser.displayName;
    const editorUser = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const otherUser = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['editor'] }],
    });
    const staffUser = await createUser(database.db, { boardRoles: ['standing_staff'] });
    author = createAdminClient(app, testRootDomain);
    unitEditor = createAdminClient(app, testRootDomain);
    otherEditor = createAdminClient(app, testRootDomain);
    standingStaff = createAdminClient(app, testRootDomain);
    await author.login(authorUser.email);
    await unitEditor.login(editorUser.email);
    await otherEditor.login(otherUser.email);
    await standingStaff.login(staffUser.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function draft(titleVi: string) {
    const response = await author.post('/content/items', {
      tenantId: unitId,
      type: 'article',
      titleVi,
      bodyVi: '<p>Nội dung.</p>',
    });
    expect(response.status).toBe(201);
    return response.body.itemId as string;
  }

  async function feedbackCase(tenantId: string, status: FeedbackState, dueAt: Date) {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .insert(feedbackCases)
        .values({
          tenantId,
          kind: 'petition',
          trackingCodeHash: randomBytes(16).toString('hex'),
          subject: 'Đề nghị hướng dẫn thủ tục cấp phép',
          body: 'Nội dung kiến nghị.',
          status,
          consentAt: new Date(),
          dueAt,
        })
        .returning({ id: feedbackCases.id }),
    );
    return row!.id;
  }

  async function queueOf(client: Client, tenantId: string): Promise<Entry[]> {
    const response = await client.get(`/dashboard?tenantId=${tenantId}`);
    expect(response.status).toBe(200);
    return response.body.workQueue;
  }

  it("lists the author's own draft with the steps open to them", async () => {
    const itemId = await draft('Bản nháp của tác giả');

    const queue = await queueOf(author, unitId);

    expect(queue.find((entry) => entry.id === itemId)?.actions).toContain('submit');
  });

  it("leaves another person's draft out of an editor's queue", async () => {
    const itemId = await draft('Bản nháp chưa gửi');

    const queue = await queueOf(unitEditor, unitId);

    expect(queue.map((entry) => entry.id)).not.toContain(itemId);
  });

  it('puts a submitted item in the editor queue', async () => {
    const itemId = await draft('Tin đã gửi duyệt');
    const submitted = await author.post(`/content/items/${itemId}/transitions`, {
      tenantId: unitId,
      action: 'submit',
    });

    const editorQueue = await queueOf(unitEditor, unitId);
    const authorQueue = await queueOf(author, unitId);

    expect(submitted.status).toBe(200);
    expect(editorQueue.find((entry) => entry.id === itemId)?.actions).toContain('start_review');
    expect(authorQueue.map((entry) => entry.id)).not.toContain(itemId);
  });

  it('lists open feedback cases, most urgent first', async () => {
    const later = await feedbackCase(mainId, 'received', new Date(Date.now() + 10 * dayMs));
    const overdue = await feedbackCase(mainId, 'received', new Date(Date.now() - dayMs));

    const queue = (await queueOf(standingStaff, mainId)).filter(
      (entry) => entry.kind === 'feedback',
    );
    const ids = queue.map((entry) => entry.id);

    expect(ids.indexOf(overdue)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(overdue)).toBeLessThan(ids.indexOf(later));
    expect(queue.find((entry) => entry.id === overdue)).toMatchObject({ isOverdue: true });
    expect(queue.find((entry) => entry.id === later)?.actions).toContain('classify');
  });

  it('shows the steps taken on the portal with who took them', async () => {
    const itemId = await draft('Tin có hoạt động');
    await author.post(`/content/items/${itemId}/transitions`, {
      tenantId: unitId,
      action: 'submit',
    });

    const response = await unitEditor.get(`/dashboard?tenantId=${unitId}`);
    const step = response.body.activity.find(
      (entry: { id: string; action: string }) => entry.id === itemId && entry.action === 'submit',
    );

    expect(step).toMatchObject({ actorName: authorName, title: 'Tin có hoạt động' });
  });

  it("keeps another unit's work and activity out", async () => {
    const itemId = await draft('Tin của đơn vị khác');
    await author.post(`/content/items/${itemId}/transitions`, {
      tenantId: unitId,
      action: 'submit',
    });

    const ownPortal = await otherEditor.get(`/dashboard?tenantId=${otherUnitId}`);
    const otherPortal = await otherEditor.get(`/dashboard?tenantId=${unitId}`);

    expect(ownPortal.status).toBe(200);
    expect(ownPortal.body.workQueue.map((entry: Entry) => entry.id)).not.toContain(itemId);
    expect(ownPortal.body.activity.map((entry: Entry) => entry.id)).not.toContain(itemId);
    expect(otherPortal.status).toBe(403);
  });

  it('rejects signed-out and malformed requests', async () => {
    const signedOut = createAdminClient(buildTestApp(database.db), testRootDomain);

    const anonymous = await signedOut.get(`/dashboard?tenantId=${unitId}`);
    const malformed = await unitEditor.get('/dashboard?tenantId=cdsqg');
    const unknown = await standingStaff.get(
      '/dashboard?tenantId=00000000-0000-4000-8000-000000000000',
    );

    expect(anonymous.status).toBe(401);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].field).toBe('tenantId');
    expect(unknown.status).toBe(404);
  });
});
