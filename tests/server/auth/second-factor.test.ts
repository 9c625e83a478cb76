import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { users } from '../../../server/db/schema/index.ts';
import {
  createAdminClient,
  createUser,
  randomTotpKey,
  totpCodeFor,
} from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';

describe('second factor', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'ais' })).id;
    testApp = buildTestApp(database.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('signs in without a second factor for a role that needs none', async () => {
    const editor = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['editor'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);

    const login = await client.login(editor.email);
    const tenants = await client.get('/tenants');

    expect(login.body.secondFactor).toEqual({ isPending: false });
    expect(tenants.status).toBe(200);
    expect(tenants.body.tenants.map((tenant: { slug: string }) => tenant.slug)).toEqual(['ais']);
  });

  it('holds a session at the code step until the code is given', async () => {
    const key = randomTotpKey();
    const member = await createUser(database.db, { boardRoles: ['board_member'], totpKey: key });
    const client = createAdminClient(testApp, testRootDomain);

    const login = await client.login(member.email);
    const before = await client.get('/tenants');
    const verify = await client.post('/auth/second-factor/verify', { code: totpCodeFor(key) });
    const after = await client.get('/tenants');

    expect(login.body.secondFactor).toEqual({ isPending: true });
    expect(before.status).toBe(401);
    expect(verify.status).toBe(200);
    expect(after.status).toBe(200);
    expect(after.body.tenants.length).toBe(2);
  });

  it('rejects a wrong code and records it', async () => {
    const key = randomTotpKey();
    const member = await createUser(database.db, { boardRoles: ['board_member'], totpKey: key });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(member.email);
    const wrong = totpCodeFor(key) === '000000' ? '111111' : '000000';

    const response = await client.post('/auth/second-factor/verify', { code: wrong });
    const events = await queryRows<{ type: string }>(
      database.db,
      sql`select type from security_events where user_id = ${member.id}`,
    );

    expect(response.status).toBe(401);
    expect(events.map((event) => event.type)).toContain('second_factor_failed');
  });

  it('rejects a replayed code', async () => {
    const key = randomTotpKey();
    const member = await createUser(database.db, { boardRoles: ['board_member'], totpKey: key });
    const first = createAdminClient(testApp, testRootDomain);
    const second = createAdminClient(testApp, testRootDomain);
    await first.login(member.email);
    await second.login(member.email);
    const code = totpCodeFor(key);

    const accepted = await first.post('/auth/second-factor/verify', { code });
    const replayed = await second.post('/auth/second-factor/verify', { code });

    expect(accepted.status).toBe(200);
    expect(replayed.status).toBe(401);
  });

  it('makes a role that needs a second factor enrol before anything else', async () => {
    const focalPoint = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(focalPoint.email);

    const blocked = await client.get('/tenants');
    const me = await client.get('/auth/me');
    const setup = await client.post('/auth/second-factor/setup');

    expect(blocked.status).toBe(403);
    expect(blocked.body.error.fields).toContainEqual({
      field: 'secondFactor',
      message: 'enrolment required',
    });
    expect(me.body.secondFactor).toEqual({ isEnrolled: false, isRequired: true, isPending: false });
    expect(setup.status).toBe(200);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrSvg).toMatch(/^<svg/);
  });

  it('enrols with a code and returns ten recovery codes once', async () => {
    const focalPoint = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(focalPoint.email);
    await client.post('/auth/second-factor/setup');
    const [pending] = await database.db.select().from(users).where(eq(users.id, focalPoint.id));

    const enable = await client.post('/auth/second-factor/enable', {
      code: totpCodeFor(pending!.totpPendingKey!),
    });
    const tenants = await client.get('/tenants');
    const stored = await queryRows<{ code_hash: string }>(
      database.db,
      sql`select code_hash from recovery_codes where user_id = ${focalPoint.id}`,
    );

    expect(enable.status).toBe(200);
    expect(enable.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enable.body.recoveryCodes).size).toBe(10);
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.code_hash)).not.toContain(enable.body.recoveryCodes[0]);
    expect(tenants.status).toBe(200);
  });

  it('rejects an enrolment code that does not match the new key', async () => {
    const focalPoint = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
    });
    const client = createAdminClient(testApp, testRootDomain);
    await client.login(focalPoint.email);
    await client.post('/auth/second-factor/setup');

    const enable = await client.post('/auth/second-factor/enable', {
      code: totpCodeFor(randomTotpKey()),
    });

    expect(enable.status).toBe(400);
    expect(enable.body.error.fields).toContainEqual({ field: 'code', message: 'invalid' });
  });

  it('accepts a recovery code once', async () => {
    const focalPoint = await createUser(database.db, {
      memberships: [{ tenantId: unitId, roles: ['focal_point'] }],
    });
    const enrolling = createAdminClient(testApp, testRootDomain);
    await enrolling.login(focalPoint.email);
    await enrolling.post('/auth/second-factor/setup');
    const [pending] = await database.db.select().from(users).where(eq(users.id, focalPoint.id));
    const { recoveryCodes } = (
      await enrolling.post('/auth/second-factor/enable', {
        code: totpCodeFor(pending!.totpPendingKey!),
      })
    ).body as { recoveryCodes: string[] };
    const first = createAdminClient(testApp, testRootDomain);
    const second = createAdminClient(testApp, testRootDomain);
    await first.login(focalPoint.email);
    await second.login(focalPoint.email);

    const used = await first.post('/auth/second-factor/recovery', {
      code: recoveryCodes[0]!.toUpperCase(),
    });
    const reused = await second.post('/auth/second-factor/recovery', { code: recoveryCodes[0] });
    const unknown = await second.post('/auth/second-factor/recovery', { code: 'aaaaa-bbbbb' });

    expect(used.status).toBe(200);
    expect((await first.get('/tenants')).status).toBe(200);
    expect(reused.status).toBe(409);
    expect(unknown.status).toBe(401);
    expect((await second.get('/tenants')).status).toBe(401);
  });
});
