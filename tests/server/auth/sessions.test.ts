import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { sessions } from '../../../server/db/schema/index.ts';
import {
  ageSessions,
  createAdminClient,
  createUser,
  testPassword,
} from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('sign-in and sessions', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function securityEventTypes(email: string) {
    const rows = await queryRows<{ type: string }>(
      database.db,
      sql`select type from security_events where email = ${email} order by occurred_at`,
    );
    return rows.map((row) => row.type);
  }

  it('sets an HttpOnly, SameSite=Lax, host-only cookie over HTTP', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);

    const response = await client.login(user.email);
    const cookie = response.headers.get('set-cookie') ?? '';

    expect(response.status).toBe(200);
    expect(cookie).toMatch(/^portal_session=[a-z2-7]{32};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Domain=');
    expect(cookie).not.toContain('Secure');
  });

  it('uses the __Host- prefix and Secure over HTTPS', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const behindProxy = buildTestApp(database.db, { trustProxy: true });
    const client = createAdminClient(behindProxy, testRootDomain);

    const response = await client.post(
      '/auth/login',
      { email: user.email, password: testPassword },
      { 'x-forwarded-proto': 'https', origin: `https://${testRootDomain}` },
    );
    const cookie = response.headers.get('set-cookie') ?? '';

    expect(response.status).toBe(200);
    expect(cookie).toMatch(/^__Host-portal_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/');
  });

  it('stores only the SHA-256 of the token', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    const token = client.cookie.split('=')[1] ?? '';

    const [stored] = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));

    expect(stored?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.id).not.toContain(token);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await createUser(database.db);
    const client = createAdminClient(testApp, testRootDomain);

    const wrongPassword = await client.login(user.email, 'sai-mat-khau-hoan-toan');
    const unknownEmail = await client.login('khong-ton-tai@mic.gov.vn', 'sai-mat-khau-hoan-toan');

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(await securityEventTypes(user.email)).toEqual(['login_failed']);
  });

  it('throttles an account after five failures, across instances', async () => {
    const user = await createUser(database.db);
    const client = createAdminClient(testApp, testRootDomain);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await client.login(user.email, 'sai-mat-khau-hoan-toan')).status).toBe(401);
    }
    const otherInstance = createAdminClient(buildTestApp(database.db), testRootDomain);

    const locked = await otherInstance.login(user.email);

    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await securityEventTypes(user.email)).toContain('login_throttled');
  });

  it('doubles the lock with each further failure', async () => {
    const user = await createUser(database.db);
    const client = createAdminClient(testApp, testRootDomain);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.login(user.email, 'sai-mat-khau-hoan-toan');
    }
    const first = Number((await client.login(user.email)).headers.get('retry-after'));
    await database.db.execute(
      sql`update login_throttles set locked_until = now() - interval '1 second'
           where key = ${`account:${user.email}`}`,
    );
    await client.login(user.email, 'sai-mat-khau-hoan-toan');

    const second = Number((await client.login(user.email)).headers.get('retry-after'));

    expect(first).toBeGreaterThanOrEqual(29);
    expect(second).toBeGreaterThanOrEqual(first * 2 - 2);
  });

  it('throttles one client address across accounts', async () => {
    const behindProxy = buildTestApp(database.db, { trustProxy: true });
    const client = createAdminClient(behindProxy, testRootDomain);
    const address = { 'x-forwarded-for': '192.0.2.77' };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await client.post(
        '/auth/login',
        { email: `ai-do-${attempt}@mic.gov.vn`, password: 'sai-mat-khau-hoan-toan' },
        address,
      );
    }
    const user = await createUser(database.db);

    const fromSameAddress = await client.post(
      '/auth/login',
      { email: user.email, password: testPassword },
      address,
    );
    const fromElsewhere = await client.post(
      '/auth/login',
      { email: user.email, password: testPassword },
      { 'x-forwarded-for': '198.51.100.9' },
    );

    expect(fromSameAddress.status).toBe(429);
    expect(fromElsewhere.status).toBe(200);
  });

  it('ends a session after the idle timeout', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    expect((await client.get('/auth/me')).status).toBe(200);

    await ageSessions(database.db, user.id, 31);

    expect((await client.get('/auth/me')).status).toBe(401);
  });

  it('slides the idle timeout while the session is used', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    await ageSessions(database.db, user.id, 20);
    expect((await client.get('/auth/me')).status).toBe(200);

    await ageSessions(database.db, user.id, 20);

    expect((await client.get('/auth/me')).status).toBe(200);
  });

  it('ends a session at its absolute maximum age', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);

    await database.db
      .update(sessions)
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));

    expect((await client.get('/auth/me')).status).toBe(401);
  });

  it('logs out this session and clears the cookie', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    const token = client.cookie;

    const response = await client.post('/auth/logout');
    client.cookie = token;

    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/portal_session=;/);
    expect((await client.get('/auth/me')).status).toBe(401);
  });

  it('logs out the other sessions only', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const laptop = createAdminClient(testApp, testRootDomain);
    const phone = createAdminClient(testApp, testRootDomain);
    await laptop.login(user.email);
    await phone.login(user.email);

    const response = await laptop.post('/auth/logout-others');

    expect(response.body).toEqual({ ended: 1 });
    expect((await laptop.get('/auth/me')).status).toBe(200);
    expect((await phone.get('/auth/me')).status).toBe(401);
  });

  it("lets the board revoke all of a user's sessions", async () => {
    // The second-factor rule is off here: this test is about revocation, not enrolment.
    const withoutSecondFactor = buildTestApp(database.db, { secondFactorRoles: [] });
    const head = await createUser(database.db, { boardRoles: ['board_head'] });
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const headClient = createAdminClient(withoutSecondFactor, testRootDomain);
    const userClient = createAdminClient(testApp, testRootDomain);
    await userClient.login(user.email);
    await headClient.login(head.email);

    const response = await headClient.post(`/users/${user.id}/revoke-sessions`, {});

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ended: 1 });
    expect((await userClient.get('/auth/me')).status).toBe(401);
  });

  it('lists my sessions and marks the current one', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['author'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
    await createAdminClient(testApp, testRootDomain).login(user.email);

    const response = await client.get('/auth/sessions');

    expect(response.status).toBe(200);
    expect(response.body.sessions).toHaveLength(2);
    expect(
      response.body.sessions.filter((session: { isCurrent: boolean }) => session.isCurrent),
    ).toHaveLength(1);
  });

  it('validates the login body and names the field', async () => {
    const client = createAdminClient(testApp, testRootDomain);

    const response = await client.post('/auth/login', { email: 'a@b.vn' });

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'password' }),
    );
  });

  it('serves the admin API on the main portal only', async () => {
    const client = createAdminClient(testApp, `vnta.${testRootDomain}`);

    const response = await client.post('/auth/login', { email: 'a@b.vn', password: 'x' });

    expect(response.status).toBe(404);
  });

  it('redirects /admin on a unit host to the main host with the unit chosen', async () => {
    const response = await testApp.request(`vnta.${testRootDomain}:3000`, '/admin/noi-dung');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(
      `http://${testRootDomain}:3000/admin/?tenant=vnta`,
    );
  });

  it('describes the API in OpenAPI', async () => {
    const response = await testApp.request(testRootDomain, '/api/admin/openapi.json');
    const document = await response.json();

    expect(response.status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/auth/me',
        '/users',
        '/users/{userId}/memberships/{tenantId}',
      ]),
    );
  });
});
