import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

type Client = ReturnType<typeof createAdminClient>;
type Entry = { slug: string; domains: { hostname: string; isCanonical: boolean }[] };

describe('/api/admin/tenants/directory', () => {
  let database: TestDatabase;
  let boardMember: Client;
  let unitAdmin: Client;
  let signedOut: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    const ais = await createTenant(database.db, {
      slug: 'ais',
      aliases: ['www.ais.gov.vn', 'ais.gov.vn'],
    });
    await createTenant(database.db, { slug: 'vnta' });
    const app = buildTestApp(database.db, { secondFactorRoles: [] });
    const boardUser = await createUser(database.db, { boardRoles: ['board_member'] });
    const adminUser = await createUser(database.db, {
      memberships: [{ tenantId: ais.id, roles: ['unit_admin'] }],
    });
    boardMember = createAdminClient(app, testRootDomain);
    unitAdmin = createAdminClient(app, testRootDomain);
    signedOut = createAdminClient(app, testRootDomain);
    await boardMember.login(boardUser.email);
    await unitAdmin.login(adminUser.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('lists every portal for the board', async () => {
    const response = await boardMember.get('/tenants/directory');

    expect(response.status).toBe(200);
    expect(response.body.tenants.map((entry: Entry) => entry.slug)).toEqual(['ais', 'mic', 'vnta']);
  });

  it('puts the canonical host before the aliases', async () => {
    const response = await boardMember.get('/tenants/directory');
    const ais = response.body.tenants.find((entry: Entry) => entry.slug === 'ais');

    expect(ais.domains).toEqual([
      { hostname: `ais.${testRootDomain}`, isCanonical: true },
      { hostname: 'ais.gov.vn', isCanonical: false },
      { hostname: 'www.ais.gov.vn', isCanonical: false },
    ]);
  });

  it("shows a unit admin only the unit's own portal", async () => {
    const response = await unitAdmin.get('/tenants/directory');

    expect(response.body.tenants.map((entry: Entry) => entry.slug)).toEqual(['ais']);
  });

  it('rejects a signed-out request', async () => {
    const response = await signedOut.get('/tenants/directory');

    expect(response.status).toBe(401);
  });
});
