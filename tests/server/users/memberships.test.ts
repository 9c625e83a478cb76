import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('/api/admin/users', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let ownUnit: string;
  let otherUnit: string;
  let unitAdmin: ReturnType<typeof createAdminClient>;
  let ownEditorId: string;
  let otherEditorId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    ownUnit = (await createTenant(database.db, { slug: 'khcn' })).id;
    otherUnit = (await createTenant(database.db, { slug: 'htqt' })).id;
    // Second factors are covered elsewhere; here they would only add steps.
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
    const admin = await createUser(database.db, {
      memberships: [{ tenantId: ownUnit, roles: ['unit_admin'] }],
    });
    ownEditorId = (
      await createUser(database.db, { memberships: [{ tenantId: ownUnit, roles: ['editor'] }] })
    ).id;
    otherEditorId = (
      await createUser(database.db, { memberships: [{ tenantId: otherUnit, roles: ['editor'] }] })
    ).id;
    unitAdmin = createAdminClient(testApp, testRootDomain);
    await unitAdmin.login(admin.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('lists the members of the own unit only', async () => {
    const own = await unitAdmin.get(`/users?tenantId=${ownUnit}`);
    const other = await unitAdmin.get(`/users?tenantId=${otherUnit}`);
    const everyone = await unitAdmin.get('/users');

    expect(own.status).toBe(200);
    expect(own.body.users.map((user: { id: string }) => user.id)).toContain(ownEditorId);
    expect(own.body.users.map((user: { id: string }) => user.id)).not.toContain(otherEditorId);
    expect(other.status).toBe(403);
    expect(everyone.status).toBe(403);
  });

  it('never shows password hashes or keys', async () => {
    const own = await unitAdmin.get(`/users?tenantId=${ownUnit}`);

    expect(JSON.stringify(own.body)).not.toMatch(/passwordHash|totpKey|argon2/);
  });

  it("answers another unit's member id as not found through the own unit", async () => {
    const read = await unitAdmin.get(`/users/${otherEditorId}?tenantId=${ownUnit}`);
    const change = await unitAdmin.put(`/users/${otherEditorId}/memberships/${ownUnit}`, {
      roles: ['author'],
    });
    const reset = await unitAdmin.post(`/users/${otherEditorId}/password-reset`, {
      tenantId: ownUnit,
    });
    const revoke = await unitAdmin.post(`/users/${otherEditorId}/revoke-sessions`, {
      tenantId: ownUnit,
    });

    expect(read.status).toBe(404);
    expect(change.status).toBe(404);
    expect(reset.status).toBe(404);
    expect(revoke.status).toBe(404);
  });

  it("refuses changes to another unit's memberships", async () => {
    const change = await unitAdmin.put(`/users/${otherEditorId}/memberships/${otherUnit}`, {
      roles: [],
    });
    const other = await unitAdmin.get(`/users?tenantId=${otherUnit}`);

    expect(change.status).toBe(403);
    expect(other.status).toBe(403);
  });

  it('adds a new person with a one-time set-up link', async () => {
    const response = await unitAdmin.post('/users', {
      email: 'Nguyen.An@MIC.gov.vn',
      displayName: 'Nguyễn An',
      tenantId: ownUnit,
      roles: ['author'],
    });
    const members = await unitAdmin.get(`/users?tenantId=${ownUnit}`);

    expect(response.status).toBe(201);
    expect(response.body.user.email).toBe('nguyen.an@mic.gov.vn');
    expect(response.body.setupUrl).toMatch(/\/admin\/dat-lai-mat-khau\?token=[a-z2-7]{32}$/);
    expect(members.body.users.map((user: { email: string }) => user.email)).toContain(
      'nguyen.an@mic.gov.vn',
    );
  });

  it('changes roles and removes a membership', async () => {
    const member = await createUser(database.db, {
      memberships: [{ tenantId: ownUnit, roles: ['author'] }],
    });

    const promoted = await unitAdmin.put(`/users/${member.id}/memberships/${ownUnit}`, {
      roles: ['editor', 'focal_point'],
    });
    const afterPromotion = await unitAdmin.get(`/users/${member.id}?tenantId=${ownUnit}`);
    const removed = await unitAdmin.put(`/users/${member.id}/memberships/${ownUnit}`, {
      roles: [],
    });
    const afterRemoval = await unitAdmin.get(`/users/${member.id}?tenantId=${ownUnit}`);

    expect(promoted.status).toBe(200);
    expect(afterPromotion.body.roles.sort()).toEqual(['editor', 'focal_point']);
    expect(removed.status).toBe(200);
    expect(afterRemoval.status).toBe(404);
  });

  it('rejects an unknown role with the field named', async () => {
    const response = await unitAdmin.put(`/users/${ownEditorId}/memberships/${ownUnit}`, {
      roles: ['owner'],
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('roles.0');
  });

  it('refuses account changes for a person who also works for another unit', async () => {
    const shared = await createUser(database.db, {
      memberships: [
        { tenantId: ownUnit, roles: ['editor'] },
        { tenantId: otherUnit, roles: ['editor'] },
      ],
    });

    const reset = await unitAdmin.post(`/users/${shared.id}/password-reset`, { tenantId: ownUnit });

    expect(reset.status).toBe(403);
  });

  it('refuses account changes for a board member', async () => {
    const boardMember = await createUser(database.db, {
      boardRoles: ['board_member'],
      memberships: [{ tenantId: ownUnit, roles: ['editor'] }],
    });

    const revoke = await unitAdmin.post(`/users/${boardMember.id}/revoke-sessions`, {
      tenantId: ownUnit,
    });

    expect(revoke.status).toBe(403);
  });

  it('keeps board roles to the board leaders', async () => {
    const grant = await unitAdmin.put(`/users/${ownEditorId}/board-roles`, {
      roles: ['board_head'],
    });
    const create = await unitAdmin.post('/users', {
      email: 'moi@mic.gov.vn',
      displayName: 'Thành viên mới',
      boardRoles: ['board_member'],
    });

    expect(grant.status).toBe(403);
    expect(create.status).toBe(403);
  });

  it('lets the board head create board accounts and grant roles', async () => {
    const head = await createUser(database.db, { boardRoles: ['board_head'] });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(head.email);

    const created = await client.post('/users', {
      email: 'thanh.vien@mic.gov.vn',
      displayName: 'Thành viên Ban',
      boardRoles: ['board_member'],
    });
    const granted = await client.put(`/users/${otherEditorId}/board-roles`, {
      roles: ['standing_staff'],
    });
    const everyone = await client.get('/users');

    expect(created.status).toBe(201);
    expect(granted.status).toBe(200);
    const listed = everyone.body.users.find((user: { id: string }) => user.id === otherEditorId);
    expect(listed.boardRoles).toEqual(['standing_staff']);
  });

  it('needs a session', async () => {
    const anonymous = createAdminClient(testApp, testRootDomain);

    expect((await anonymous.get(`/users?tenantId=${ownUnit}`)).status).toBe(401);
  });
});
