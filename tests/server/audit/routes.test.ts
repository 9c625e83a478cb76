import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('/api/admin/audit and /api/admin/security-events', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;
  let otherUnitId: string;
  let auditor: ReturnType<typeof createAdminClient>;
  let unitAdmin: ReturnType<typeof createAdminClient>;
  let editor: ReturnType<typeof createAdminClient>;
  let adminName: string;
  let adminEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    otherUnitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const auditorUser = await createUser(database.db, { boardRoles: ['security_auditor'] });
    const adminUser = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
    });
    adminName = adminUser.displayName;
    adminEmail = adminUser.email;
    const editorUser = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    auditor = createAdminClient(testApp, testRootDomain);
    unitAdmin = createAdminClient(testApp, testRootDomain);
    editor = createAdminClient(testApp, testRootDomain);
    await auditor.login(auditorUser.email);
    await unitAdmin.login(adminUser.email);
    await editor.login(editorUser.email);
    await unitAdmin.post('/users', {
      email: 'moi.ais@mic.gov.vn',
      displayName: 'Cán bộ mới',
      tenantId: unitId,
      roles: ['author'],
    });
    await createAdminClient(testApp, testRootDomain).login(
      'khong-co@mic.gov.vn',
      'sai-hoan-toan-1',
    );
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('shows the auditor the platform chain, intact', async () => {
    const response = await auditor.get('/audit');

    expect(response.status).toBe(200);
    expect(response.body.entries.map((entry: { action: string }) => entry.action)).toContain(
      'auth.login',
    );
    expect(response.body.chain).toEqual({ isIntact: true, firstBrokenId: null });
  });

  it("shows the auditor a portal's chain", async () => {
    const response = await auditor.get(`/audit?tenantId=${unitId}`);

    expect(response.status).toBe(200);
    expect(response.body.entries.map((entry: { action: string }) => entry.action)).toContain(
      'membership.update',
    );
  });

  it('names the actor of each entry', async () => {
    const response = await auditor.get(`/audit?tenantId=${unitId}&action=membership.update`);
    const [entry] = response.body.entries;

    expect(entry.actorName).toBe(adminName);
    expect(entry.actorEmail).toBe(adminEmail);
  });

  it('shows the auditor failed sign-ins', async () => {
    const response = await auditor.get('/security-events?type=login_failed');

    expect(response.status).toBe(200);
    expect(response.body.events.map((event: { email: string }) => event.email)).toContain(
      'khong-co@mic.gov.vn',
    );
  });

  it('lets the auditor change nothing', async () => {
    const response = await auditor.post('/users', {
      email: 'x@mic.gov.vn',
      displayName: 'Không được tạo',
      tenantId: unitId,
      roles: ['author'],
    });

    expect(response.status).toBe(403);
  });

  it("shows a unit admin its own portal's chain only", async () => {
    const own = await unitAdmin.get(`/audit?tenantId=${unitId}`);
    const other = await unitAdmin.get(`/audit?tenantId=${otherUnitId}`);
    const platform = await unitAdmin.get('/audit');
    const events = await unitAdmin.get('/security-events');

    expect(own.status).toBe(200);
    expect(other.status).toBe(403);
    expect(platform.status).toBe(403);
    expect(events.status).toBe(403);
  });

  it('keeps the audit trail from editors', async () => {
    const response = await editor.get(`/audit?tenantId=${unitId}`);

    expect(response.status).toBe(403);
  });

  it('names an invalid filter', async () => {
    const response = await auditor.get('/security-events?type=everything');

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('type');
  });
});
