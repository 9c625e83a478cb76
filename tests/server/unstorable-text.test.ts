import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../helpers/factories.ts';

describe('text the database cannot store', () => {
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

  it('answers a NUL byte in a search with 400', async () => {
    const response = await testApp.request(testRootDomain, '/tim-kiem?q=a%00b');

    expect(response.status).toBe(400);
  });

  it('answers a NUL character in an item title with 400 and stores nothing', async () => {
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(user.email);

    const response = await client.post('/content/items', {
      tenantId: unitId,
      type: 'page',
      titleVi: 'Tiêu đề\u0000có ký tự rỗng',
    });
    const list = await client.get(`/content/items?tenantId=${unitId}`);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(list.body.items).toEqual([]);
  });
});
