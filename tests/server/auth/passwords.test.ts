import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkPasswordRules } from '../../../server/auth/passwords.ts';
import { createAdminClient, createUser, testPassword } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('checkPasswordRules', () => {
  const person = { minLength: 12, email: 'tran.binh@mic.gov.vn', displayName: 'Trần Văn Bình' };

  it('accepts a long password unrelated to the person', () => {
    expect(checkPasswordRules('đồng-hồ-cát-xanh-lá', person)).toEqual([]);
  });

  it('rejects a short password', () => {
    expect(checkPasswordRules('ngan-qua', person)).toEqual([
      { field: 'password', message: 'must be at least 12 characters long' },
    ]);
  });

  it.each([['tran.binh-2026-xyz'], ['Bình-rất-an-toàn-99'], ['TRẦN-mật-khẩu-dài']])(
    'rejects %s for containing the name or email',
    (password) => {
      expect(checkPasswordRules(password, person)).toContainEqual({
        field: 'password',
        message: 'must not contain your name or email',
      });
    },
  );
});

describe('password change and reset', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'vbc' })).id;
    testApp = buildTestApp(database.db, { secondFactorRoles: [] });
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('needs the current password', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);

    const response = await client.post('/auth/password', {
      currentPassword: 'khong-dung-dau',
      newPassword: 'con-meo-trong-vuon-hoa',
    });

    expect(response.status).toBe(403);
    expect(response.body.error.fields).toEqual([
      { field: 'currentPassword', message: 'incorrect' },
    ]);
  });

  it('names the new password field when it breaks a rule', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);

    const response = await client.post('/auth/password', {
      currentPassword: testPassword,
      newPassword: 'ngan',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('newPassword');
  });

  it('changes the password and ends the other sessions', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    const other = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    await other.login(user.email);

    const response = await client.post('/auth/password', {
      currentPassword: testPassword,
      newPassword: 'con-meo-trong-vuon-hoa',
    });

    expect(response.status).toBe(200);
    expect((await client.get('/auth/me')).status).toBe(200);
    expect((await other.get('/auth/me')).status).toBe(401);
    expect((await other.login(user.email)).status).toBe(401);
    expect((await other.login(user.email, 'con-meo-trong-vuon-hoa')).status).toBe(200);
  });

  it('sets a password through a one-time reset link', async () => {
    const admin = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['unit_admin'] }],
    });
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const adminClient = createAdminClient(testApp, testRootDomain);
    await adminClient.login(admin.email);
    const issued = await adminClient.post(`/users/${user.id}/password-reset`, { tenantId: unitId });
    const token = new URL(issued.body.resetUrl).searchParams.get('token');
    const anonymous = createAdminClient(testApp, testRootDomain);

    const reset = await anonymous.post('/auth/password-reset', {
      token,
      newPassword: 'bau-troi-mua-thu-ha-noi',
    });
    const reused = await anonymous.post('/auth/password-reset', {
      token,
      newPassword: 'mot-mat-khau-khac-nua',
    });

    expect(issued.status).toBe(200);
    expect(issued.body.resetUrl).toMatch(
      new RegExp(`^http://${testRootDomain}/admin/dat-lai-mat-khau\\?token=`),
    );
    expect(reset.status).toBe(200);
    expect(reused.status).toBe(404);
    expect((await anonymous.login(user.email, 'bau-troi-mua-thu-ha-noi')).status).toBe(200);
  });
});
