import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { sessions } from '../../../server/db/schema/index.ts';
import { ageSessions, createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

type Client = ReturnType<typeof createAdminClient>;

describe('policy and compliance API', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let otherUnitId: string;
  let board: Client;
  let unitAdmin: Client;
  let otherAdmin: Client;
  let unitEditorEmail: string;

  async function signedIn(email: string) {
    const client = createAdminClient(testApp, testRootDomain);
    const login = await client.login(email);
    expect(login.status).toBe(200);
    return client;
  }

  /** Sends a DELETE with a JSON body, which the admin client helper has no method for. */
  async function remove(client: Client, path: string, body: unknown) {
    const response = await testApp.request(testRootDomain, `/api/admin${path}`, {
      method: 'DELETE',
      headers: {
        cookie: client.cookie,
        'content-type': 'application/json',
        origin: `http://${testRootDomain}`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    // No role needs a second factor by configuration; the board's policy decides below.
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const head = await createUser(database.db, { boardRoles: ['board_head'] });
    const admin = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
    });
    const other = await createUser(database.db, {
      memberships: [{ tenantId: otherUnitId, roles: ['unit_admin'] }],
    });
    unitEditorEmail = (
      await createUser(database.db, { memberships: [{ tenantId: unitId, roles: ['editor'] }] })
    ).email;
    board = await signedIn(head.email);
    unitAdmin = await signedIn(admin.email);
    otherAdmin = await signedIn(other.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('describes the policy and compliance routes in OpenAPI', async () => {
    const response = await testApp.request(testRootDomain, '/api/admin/openapi.json');
    const document = await response.json();

    expect(response.status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/policies',
        '/policies/{key}',
        '/policies/{key}/override',
        '/policies/{key}/history',
        '/policies/{key}/tenants',
        '/compliance',
        '/compliance.csv',
      ]),
    );
    expect(document.components.schemas.Policy.properties.label).toBeDefined();
  });

  describe('GET /api/admin/policies', () => {
    it('requires a session', async () => {
      const response = await createAdminClient(testApp, testRootDomain).get('/policies');

      expect(response.status).toBe(401);
    });

    it("lists the unit's policies with labels", async () => {
      const response = await unitAdmin.get(`/policies?tenantId=${unitId}`);
      const answerDays = response.body.policies.find(
        (policy: { key: string }) => policy.key === 'feedback.answer_days',
      );

      expect(response.status).toBe(200);
      expect(answerDays).toMatchObject({
        label: {
          vi: 'Thời hạn trả lời phản ánh, kiến nghị',
          en: 'Time to answer feedback and petitions',
        },
        type: 'number',
        direction: 'lower',
        scope: 'tenant',
        unit: 'days',
        value: 20,
        source: 'code',
        isOverridable: true,
        allowedOverride: 'a whole number from 1 to 20',
      });
    });

    it("answers another tenant's policies with 403", async () => {
      expect((await unitAdmin.get(`/policies?tenantId=${otherUnitId}`)).status).toBe(403);
    });

    it("keeps the board's view for the board", async () => {
      expect((await unitAdmin.get('/policies')).status).toBe(403);
      expect((await board.get('/policies')).status).toBe(200);
    });

    it('answers an unknown key with 404', async () => {
      const response = await board.get('/policies/content.no_such_policy');

      expect(response.status).toBe(404);
    });
  });

  describe('PUT /api/admin/policies/{key}/override', () => {
    it("sets the unit's own, stricter value", async () => {
      const response = await unitAdmin.put('/policies/media.max_upload_bytes/override', {
        tenantId: unitId,
        value: 10 * 1024 * 1024,
        reason: 'Cổng đơn vị chỉ đăng tệp nhỏ',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        value: 10 * 1024 * 1024,
        source: 'tenant',
        override: { status: 'in_force', version: 1 },
      });
    });

    it("answers an override of another tenant's policy with 403", async () => {
      const response = await otherAdmin.put('/policies/media.max_upload_bytes/override', {
        tenantId: unitId,
        value: 1024 * 1024,
        reason: 'Đặt hộ đơn vị khác',
      });

      expect(response.status).toBe(403);
    });

    it('names the malformed field', async () => {
      const response = await unitAdmin.put('/policies/content.deadlines/override', {
        tenantId: unitId,
        value: { news: { amount: 'bốn', unit: 'working_hours', from: 'submission' } },
        reason: 'Sai kiểu dữ liệu',
      });

      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([
        { field: 'value.news.amount', message: expect.any(String) },
      ]);
    });

    it('requires a reason', async () => {
      const response = await unitAdmin.put('/policies/feedback.answer_days/override', {
        tenantId: unitId,
        value: 10,
      });

      expect(response.status).toBe(400);
      expect(response.body.error.fields.map((field: { field: string }) => field.field)).toEqual([
        'reason',
      ]);
    });

    it('answers a platform-wide policy with 409', async () => {
      const response = await unitAdmin.put('/policies/sessions.idle_minutes/override', {
        tenantId: unitId,
        value: 10,
        reason: 'Phiên ngắn hơn',
      });

      expect(response.status).toBe(409);
    });
  });

  describe('PUT /api/admin/policies/{key}', () => {
    it('is for the board only', async () => {
      const response = await unitAdmin.put('/policies/feedback.answer_days', {
        value: 10,
        reason: 'Không có quyền',
      });

      expect(response.status).toBe(403);
    });

    it("changes the board's value and shows it in the history", async () => {
      const response = await board.put('/policies/feedback.answer_days', {
        value: 15,
        reason: 'Rút ngắn thời hạn trả lời',
        version: 0,
      });
      const history = await board.get('/policies/feedback.answer_days/history');
      const unitView = await unitAdmin.get(`/policies/feedback.answer_days?tenantId=${unitId}`);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ value: 15, source: 'board', boardVersion: 1 });
      expect(history.body.history).toEqual([
        expect.objectContaining({
          change: 'default',
          before: 20,
          after: 15,
          reason: 'Rút ngắn thời hạn trả lời',
          changedBy: expect.objectContaining({ id: expect.any(String) }),
        }),
      ]);
      expect(unitView.body.value).toBe(15);
    });
  });

  describe('history and tenants of a policy', () => {
    it("shows a unit its own history and not another tenant's", async () => {
      await otherAdmin.put('/policies/feedback.answer_days/override', {
        tenantId: otherUnitId,
        value: 12,
        reason: 'Đơn vị khác trả lời nhanh hơn',
      });

      const own = await unitAdmin.get(`/policies/feedback.answer_days/history?tenantId=${unitId}`);
      const other = await unitAdmin.get(
        `/policies/feedback.answer_days/history?tenantId=${otherUnitId}`,
      );
      const all = await unitAdmin.get('/policies/feedback.answer_days/history');

      expect(own.status).toBe(200);
      expect(
        own.body.history.every((entry: { tenantId: string | null }) => entry.tenantId === null),
      ).toBe(true);
      expect(other.status).toBe(403);
      expect(all.status).toBe(403);
    });

    it('lists tenants following the board', async () => {
      const response = await board.get('/policies/feedback.answer_days/tenants');
      const following = response.body.tenants
        .filter((entry: { followsBoard: boolean }) => entry.followsBoard)
        .map((entry: { tenant: { slug: string } }) => entry.tenant.slug);

      expect(response.status).toBe(200);
      expect(following).toEqual(['ais', 'mic']);
      expect((await unitAdmin.get('/policies/feedback.answer_days/tenants')).status).toBe(403);
    });
  });

  describe('DELETE /api/admin/policies/{key}/override', () => {
    it("answers removing another tenant's override with 403", async () => {
      const response = await remove(unitAdmin, '/policies/feedback.answer_days/override', {
        tenantId: otherUnitId,
        reason: 'Gỡ hộ đơn vị khác',
      });

      expect(response.status).toBe(403);
    });

    it('removes the override with an audit entry', async () => {
      const response = await remove(unitAdmin, '/policies/media.max_upload_bytes/override', {
        tenantId: unitId,
        reason: 'Trở lại giới hạn chung',
      });
      const audit = await queryRows<{ action: string }>(
        database.db,
        sql`select action from audit_log
             where tenant_id = ${unitId} and resource_id = 'media.max_upload_bytes' order by id`,
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ source: 'code', override: null });
      expect(audit.map((entry) => entry.action)).toEqual([
        'policy.override',
        'policy.remove_override',
      ]);
    });
  });

  describe('sign-in policies', () => {
    it('requires a second factor for named roles', async () => {
      const editor = await signedIn(unitEditorEmail);
      expect((await editor.get('/tenants')).status).toBe(200);

      await board.put('/policies/security.second_factor_roles', {
        value: ['editor'],
        reason: 'Biên tập viên phải dùng xác thực hai lớp',
      });
      const blocked = await editor.get('/tenants');
      const me = await editor.get('/auth/me');

      expect(blocked.status).toBe(403);
      expect(blocked.body.error.fields).toEqual([
        { field: 'secondFactor', message: 'enrolment required' },
      ]);
      expect(me.body.secondFactor.isRequired).toBe(true);

      await board.put('/policies/security.second_factor_roles', {
        value: [],
        reason: 'Tạm dừng để kiểm tra',
      });
      expect((await editor.get('/tenants')).status).toBe(200);
    });

    it("ends a session after the board's idle timeout", async () => {
      const user = await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['author'] }],
      });
      const client = await signedIn(user.email);
      await board.put('/policies/sessions.idle_minutes', {
        value: 5,
        reason: 'Phiên tự kết thúc sau 5 phút',
      });
      await ageSessions(database.db, user.id, 10);

      expect((await client.get('/auth/me')).status).toBe(401);
    });

    it("gives a new session the board's maximum age", async () => {
      await board.put('/policies/sessions.max_age_hours', {
        value: 2,
        reason: 'Phiên dài nhất 2 giờ',
      });
      const user = await createUser(database.db, {
        memberships: [{ tenantId: unitId, roles: ['author'] }],
      });
      const before = Date.now();
      await signedIn(user.email);

      const [session] = await database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, user.id));
      const ageMs = session!.absoluteExpiresAt.getTime() - before;

      expect(ageMs).toBeGreaterThan(2 * 3_600_000 - 60_000);
      expect(ageMs).toBeLessThanOrEqual(2 * 3_600_000 + 60_000);
    });
  });

  describe('GET /api/admin/compliance', () => {
    it('requires a session', async () => {
      const response = await createAdminClient(testApp, testRootDomain).get('/compliance');

      expect(response.status).toBe(401);
    });

    it('gives the board every portal, sorted as asked', async () => {
      const response = await board.get('/compliance?sort=missingCategories');

      expect(response.status).toBe(200);
      expect(response.body.tenants).toHaveLength(3);
      expect(response.body.tenants[0].counts.missingCategories).toBe(8);
      expect(response.body.board).toEqual({ usersWithoutSecondFactor: [] });
    });

    it("gives a unit admin its own portal and not another's", async () => {
      const own = await unitAdmin.get(`/compliance?tenantId=${unitId}`);
      const other = await unitAdmin.get(`/compliance?tenantId=${otherUnitId}`);
      const all = await unitAdmin.get('/compliance');

      expect(own.status).toBe(200);
      expect(own.body.tenants.map((entry: { tenant: { id: string } }) => entry.tenant.id)).toEqual([
        unitId,
      ]);
      expect(other.status).toBe(403);
      expect(all.status).toBe(403);
    });

    it('names an unknown sort key', async () => {
      const response = await board.get('/compliance?sort=size');

      expect(response.status).toBe(400);
      expect(response.body.error.fields[0].field).toBe('sort');
    });
  });

  describe('GET /api/admin/compliance.csv', () => {
    it('sends the overview as a CSV attachment', async () => {
      const response = await testApp.request(testRootDomain, '/api/admin/compliance.csv', {
        headers: { cookie: board.cookie },
      });
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="tuan-thu-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(text).toContain('ais,Đơn vị ais,missing_category,introduction');
    });

    it("answers another tenant's CSV with 403", async () => {
      const response = await testApp.request(
        testRootDomain,
        `/api/admin/compliance.csv?tenantId=${otherUnitId}`,
        { headers: { cookie: unitAdmin.cookie } },
      );

      expect(response.status).toBe(403);
    });
  });
});
