import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { at, createInboundClient, createTestService } from './service-fixtures.ts';

const year = new Date().getFullYear() - 1;
const mainHost = testRootDomain;
const applicant = {
  name: 'Phạm Thị Hồ Sơ',
  phone: '0988 777 666',
  email: 'hoso@example.vn',
  idNumber: '001199000111',
};

describe('/api/admin/services/dossiers', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let focalPoint: ReturnType<typeof createAdminClient>;
  let editor: ReturnType<typeof createAdminClient>;
  let author: ReturnType<typeof createAdminClient>;
  let otherFocalPoint: ReturnType<typeof createAdminClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'vbc' })).id;
    const otherId = (await createTenant(database.db, { slug: 'vnta' })).id;
    await createTestService(database.db, unitId, {
      code: 'bc-1',
      nameVi: 'Cấp giấy phép bưu chính',
    });
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const clients = [];
    for (const [tenantId, role] of [
      [unitId, 'focal_point'],
      [unitId, 'editor'],
      [unitId, 'author'],
      [otherId, 'focal_point'],
    ] as const) {
      const user = await createUser(database.db, { memberships: [{ tenantId, roles: [role] }] });
      const client = createAdminClient(testApp, mainHost);
      await client.login(user.email);
      clients.push(client);
    }
    [focalPoint, editor, author, otherFocalPoint] = clients as [
      typeof focalPoint,
      typeof focalPoint,
      typeof focalPoint,
      typeof focalPoint,
    ];
  });

  afterAll(async () => {
    await database.destroy();
  });

  const dossier = (code: string) => ({
    tenantId: unitId,
    code,
    serviceCode: 'bc-1',
    receivedAt: at(`${year}-06-01`),
    applicant,
  });

  it('records a dossier and shows staff its applicant and history', async () => {
    const created = await focalPoint.post('/services/dossiers', dossier('BC-0001'));
    const event = await focalPoint.post('/services/dossiers/BC-0001/events', {
      tenantId: unitId,
      status: 'in_processing',
      occurredAt: at(`${year}-06-02`),
      note: 'Chuyển phòng chuyên môn',
    });
    const detail = await editor.get(`/services/dossiers/BC-0001?tenantId=${unitId}`);

    expect(created.status).toBe(201);
    expect(event.status).toBe(201);
    expect(event.body.eventId).toMatch(/^admin:/);
    expect(detail.status).toBe(200);
    expect(detail.body.applicant).toEqual(applicant);
    expect(detail.body.status).toBe('in_processing');
    expect(detail.body.events.map((step: { note: string | null }) => step.note)).toEqual([
      null,
      'Chuyển phòng chuyên môn',
    ]);
  });

  it('lists dossiers with filters', async () => {
    await focalPoint.post('/services/dossiers', dossier('BC-0002'));

    const received = await editor.get(`/services/dossiers?tenantId=${unitId}&status=received`);

    expect(received.status).toBe(200);
    expect(received.body.dossiers.map((row: { code: string }) => row.code)).toEqual(['BC-0002']);
    expect(received.body.total).toBe(1);
  });

  it('lets an editor read but not record', async () => {
    const response = await editor.post('/services/dossiers', dossier('BC-0003'));

    expect(response.status).toBe(403);
  });

  it('keeps dossiers from an author', async () => {
    const response = await author.get(`/services/dossiers?tenantId=${unitId}`);

    expect(response.status).toBe(403);
  });

  it("refuses another unit's staff", async () => {
    const list = await otherFocalPoint.get(`/services/dossiers?tenantId=${unitId}`);
    const create = await otherFocalPoint.post('/services/dossiers', dossier('BC-0004'));

    expect(list.status).toBe(403);
    expect(create.status).toBe(403);
  });

  it('answers 401 when signed out', async () => {
    const response = await createAdminClient(testApp, mainHost).get(
      `/services/dossiers?tenantId=${unitId}`,
    );

    expect(response.status).toBe(401);
  });
});

describe('/api/admin/services/integration-tokens', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let admin: ReturnType<typeof createAdminClient>;
  let focalPoint: ReturnType<typeof createAdminClient>;
  let otherAdmin: ReturnType<typeof createAdminClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    const otherId = (await createTenant(database.db, { slug: 'vnta' })).id;
    await createTestService(database.db, unitId, { code: 'at-1' });
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const users = {
      admin: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
      }),
      focalPoint: await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
      }),
      otherAdmin: await createUser(database.db, {
        memberships: [{ tenantId: otherId, roles: ['unit_admin'] }],
      }),
    };
    admin = createAdminClient(testApp, mainHost);
    focalPoint = createAdminClient(testApp, mainHost);
    otherAdmin = createAdminClient(testApp, mainHost);
    await admin.login(users.admin.email);
    await focalPoint.login(users.focalPoint.email);
    await otherAdmin.login(users.otherAdmin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('shows a new token once and keeps one active token per unit', async () => {
    const created = await admin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Hệ thống một cửa',
    });
    const second = await admin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Hệ thống thứ hai',
    });
    const list = await admin.get(`/services/integration-tokens?tenantId=${unitId}`);

    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^mic_it_[a-z2-7]{32}$/);
    expect(second.status).toBe(409);
    expect(second.body.error.fields[0].field).toBe('replaceActive');
    expect(list.body.tokens).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it('replaces the active token, which stops working at once', async () => {
    const list = await admin.get(`/services/integration-tokens?tenantId=${unitId}`);
    const oldId = list.body.tokens[0].id;
    const replacement = await admin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Hệ thống mới',
      replaceActive: true,
    });
    const after = await admin.get(`/services/integration-tokens?tenantId=${unitId}`);
    const inbound = createInboundClient(testApp, mainHost, replacement.body.token);

    expect(replacement.status).toBe(201);
    const old = after.body.tokens.find((token: { id: string }) => token.id === oldId);
    expect(old.revokedAt).not.toBeNull();
    expect((await inbound.get('/dossiers/KHONG-CO')).status).toBe(404);
  });

  it('revokes a token so that the inbound API refuses it', async () => {
    const created = await admin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Hệ thống thử',
      replaceActive: true,
    });
    const inbound = createInboundClient(testApp, mainHost, created.body.token);
    const before = await inbound.get('/dossiers/KHONG-CO');

    const revoked = await admin.post(`/services/integration-tokens/${created.body.id}/revoke`, {
      tenantId: unitId,
    });
    const after = await inbound.get('/dossiers/KHONG-CO');

    expect(before.status).toBe(404);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(after.status).toBe(401);
  });

  it('refuses a focal point and another unit', async () => {
    const byFocalPoint = await focalPoint.get(`/services/integration-tokens?tenantId=${unitId}`);
    const byOther = await otherAdmin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Không được phép',
    });

    expect(byFocalPoint.status).toBe(403);
    expect(byOther.status).toBe(403);
  });

  it("answers 404 for revoking another unit's token", async () => {
    const own = await admin.post('/services/integration-tokens', {
      tenantId: unitId,
      name: 'Hệ thống riêng',
      replaceActive: true,
    });
    const otherUnitId = (await createTenant(database.db, { slug: 'khac' })).id;
    const otherUser = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['unit_admin'] }],
    });
    const other = createAdminClient(testApp, mainHost);
    await other.login(otherUser.email);

    const response = await other.post(`/services/integration-tokens/${own.body.id}/revoke`, {
      tenantId: otherUnitId,
    });

    expect(response.status).toBe(404);
  });

  it('answers 401 when signed out', async () => {
    const response = await createAdminClient(testApp, mainHost).post(
      '/services/integration-tokens',
      { tenantId: unitId, name: 'Ẩn danh' },
    );

    expect(response.status).toBe(401);
  });
});
