import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminClient, createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('dates far in the past in admin queries', () => {
  let database: TestDatabase;
  let unitId: string;
  let client: ReturnType<typeof createAdminClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    const app = buildTestApp(database.db, { secondFactorRoles: [] });
    const user = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['unit_admin', 'editor'] }],
    });
    client = createAdminClient(app, testRootDomain);
    await client.login(user.email);
  });

  afterAll(async () => {
    await database.destroy();
  });

  // Midnight on 1 January of year 1 in Vietnam's historical offset is a time in year 0, which
  // PostgreSQL cannot convert.
  const cases = [
    ['/feedback/statistics?from=0001-01-01&to=2026-01-01', 'from'],
    ['/feedback/cases?receivedFrom=0001-01-01', 'receivedFrom'],
    ['/media?from=0001-01-01', 'from'],
    ['/content/items?updatedFrom=0000-01-01T00:00:00Z', 'updatedFrom'],
    ['/audit?from=0000-01-01T00:00:00Z', 'from'],
  ] as const;

  it.each(cases)('rejects %s naming the field', async (pathAndQuery, field) => {
    const separator = pathAndQuery.includes('?') ? '&' : '?';

    const response = await client.get(`${pathAndQuery}${separator}tenantId=${unitId}`);

    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((problem: { field: string }) => problem.field)).toContain(
      field,
    );
  });

  it('accepts a date in the present century', async () => {
    const response = await client.get(`/media?from=2026-01-01&tenantId=${unitId}`);

    expect(response.status).toBe(200);
  });
});
