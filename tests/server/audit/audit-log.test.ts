import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appendAudit } from '../../../server/audit/audit-log.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { withoutTenant, withPlatformScope, withTenant } from '../../../server/db/tenant-scope.ts';
import { databaseErrorOf } from '../../helpers/database-errors.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';

describe('audit log', () => {
  let database: TestDatabase;
  let tenantA: string;
  let tenantB: string;

  async function brokenEntry(tenantId: string | null) {
    const [row] = await withPlatformScope(database.db, (tx) =>
      queryRows<{ broken: string | null }>(
        tx,
        sql`select app.find_broken_audit_entry(${tenantId}::uuid) as broken`,
      ),
    );
    return row?.broken ?? null;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    tenantA = (await createTenant(database.db)).id;
    tenantB = (await createTenant(database.db)).id;
    for (const action of ['membership.update', 'content.publish', 'content.archive']) {
      await withTenant(database.db, tenantA, (tx) =>
        appendAudit(tx, {
          tenantId: tenantA,
          actorUserId: null,
          action,
          resourceType: 'test',
          after: { action },
        }),
      );
    }
    await withoutTenant(database.db, (tx) =>
      appendAudit(tx, {
        tenantId: null,
        actorUserId: null,
        action: 'auth.login',
        resourceType: 'user',
      }),
    );
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('chains each entry to the previous one of its tenant', async () => {
    const rows = await withTenant(database.db, tenantA, (tx) =>
      queryRows<{ previous_hash: string | null; hash: string }>(
        tx,
        sql`select previous_hash, hash from audit_log order by id`,
      ),
    );

    expect(rows).toHaveLength(3);
    expect(rows[0]?.previous_hash).toBeNull();
    expect(rows[1]?.previous_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.previous_hash).toBe(rows[1]?.hash);
    expect(await brokenEntry(tenantA)).toBeNull();
    expect(await brokenEntry(null)).toBeNull();
  });

  it('shows a tenant its own entries only', async () => {
    const seenByB = await withTenant(database.db, tenantB, (tx) =>
      queryRows(tx, sql`select id from audit_log`),
    );

    expect(seenByB).toEqual([]);
  });

  it('rejects an entry for another tenant', async () => {
    const message = await databaseErrorOf(
      withTenant(database.db, tenantB, (tx) =>
        appendAudit(tx, {
          tenantId: tenantA,
          actorUserId: null,
          action: 'x',
          resourceType: 'test',
        }),
      ),
    );

    expect(message).toMatch(/outside its scope/);
  });

  it('lets the application neither change nor delete entries', async () => {
    const updateError = await databaseErrorOf(
      withTenant(database.db, tenantA, (tx) => tx.execute(sql`update audit_log set action = 'x'`)),
    );
    const deleteError = await databaseErrorOf(
      withTenant(database.db, tenantA, (tx) => tx.execute(sql`delete from audit_log`)),
    );
    const insertError = await databaseErrorOf(
      withTenant(database.db, tenantA, (tx) =>
        tx.execute(
          sql`insert into audit_log (tenant_id, action, resource_type, hash)
              values (${tenantA}, 'forged', 'test', 'x')`,
        ),
      ),
    );

    expect(updateError).toMatch(/permission denied/);
    expect(deleteError).toMatch(/permission denied/);
    expect(insertError).toMatch(/permission denied/);
  });

  it('detects an entry changed behind its back', async () => {
    // Only the owner can do this; the chain still shows it.
    await database.db.execute(
      sql`update audit_log set after = '{"action":"edited"}' where tenant_id = ${tenantA}
           and action = 'content.publish'`,
    );
    const [edited] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from audit_log where tenant_id = ${tenantA} and action = 'content.publish'`,
    );

    expect(String(await brokenEntry(tenantA))).toBe(String(edited?.id));
  });
});
