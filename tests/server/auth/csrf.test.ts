import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('admin API origin check', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let client: ReturnType<typeof createAdminClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const unit = await createTenant(database.db, { slug: 'vnta' });
    testApp = buildTestApp(database.db);
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unit.id, roles: ['editor'] }],
    });
    client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('rejects a JSON call without Origin', async () => {
    const response = await testApp.request(testRootDomain, '/api/admin/auth/logout-others', {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: '{}',
    });

    expect(response.status).toBe(403);
  });

  it('rejects a JSON call from another origin and records it', async () => {
    const response = await client.post(
      '/auth/logout-others',
      {},
      { origin: 'https://attacker.example' },
    );
    const events = await queryRows<{ details: { origin: string } }>(
      database.db,
      sql`select details from security_events where type = 'csrf_rejected'`,
    );

    expect(response.status).toBe(403);
    expect(events.map((event) => event.details.origin)).toContain('https://attacker.example');
  });

  it("rejects a unit host's origin", async () => {
    const response = await client.post(
      '/auth/logout-others',
      {},
      { origin: `http://vnta.${testRootDomain}` },
    );

    expect(response.status).toBe(403);
  });

  it('rejects a form body even from the right origin', async () => {
    const response = await testApp.request(testRootDomain, '/api/admin/auth/logout-others', {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        origin: `http://${testRootDomain}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    });

    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toContainEqual({
      field: 'content-type',
      message: 'must be application/json',
    });
  });

  it('accepts a JSON call from the admin origin', async () => {
    const response = await client.post('/auth/logout-others', {});

    expect(response.status).toBe(200);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await testApp.request(testRootDomain, '/api/admin/auth/login', {
      method: 'POST',
      headers: { origin: `http://${testRootDomain}`, 'content-type': 'application/json' },
      body: '{"email":',
    });

    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_input');
  });
});
