import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { contentItems, contentRevisions } from '../../../server/db/schema/index.ts';
import { withoutTenant, withTenant } from '../../../server/db/tenant-scope.ts';
import { databaseErrorOf } from '../../helpers/database-errors.ts';
import { createTestDatabase, isPostgresRun, type TestDatabase } from '../../helpers/database.ts';
import { createItem, createTenant } from '../../helpers/factories.ts';

const engine = isPostgresRun ? 'PostgreSQL' : 'PGlite';

describe(`row-level security on ${engine}`, () => {
  let database: TestDatabase;
  let tenantA: string;
  let tenantB: string;
  let itemOfB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenantA = (await createTenant(database.db, { slug: 'tenant-a' })).id;
    tenantB = (await createTenant(database.db, { slug: 'tenant-b' })).id;
    await createItem(database.db, tenantA, { slug: 'bai-cua-a' });
    itemOfB = (await createItem(database.db, tenantB, { slug: 'bai-cua-b' })).id;
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('reads only the current tenant through the query builder', async () => {
    const rows = await withTenant(database.db, tenantA, (tx) => tx.select().from(contentItems));

    expect(rows.map((row) => row.slug)).toEqual(['bai-cua-a']);
  });

  it('reads only the current tenant through raw SQL', async () => {
    const rows = await withTenant(database.db, tenantA, (tx) =>
      queryRows<{ slug: string }>(tx, sql`select slug from content_items`),
    );

    expect(rows.map((row) => row.slug)).toEqual(['bai-cua-a']);
  });

  it('hides another tenant row even when asked for by id', async () => {
    const rows = await withTenant(database.db, tenantA, (tx) =>
      queryRows(tx, sql`select * from content_items where id = ${itemOfB}`),
    );

    expect(rows).toEqual([]);
  });

  it('rejects an insert that forges another tenant id', async () => {
    const attempt = withTenant(database.db, tenantA, (tx) =>
      tx.insert(contentItems).values({ tenantId: tenantB, type: 'article', slug: 'gia-mao' }),
    );

    expect(await databaseErrorOf(attempt)).toMatch(/row-level security/);
  });

  it('rejects a raw SQL insert that forges another tenant id', async () => {
    const attempt = withTenant(database.db, tenantA, (tx) =>
      tx.execute(
        sql`insert into content_items (tenant_id, type, slug) values (${tenantB}, 'article', 'gia-mao')`,
      ),
    );

    expect(await databaseErrorOf(attempt)).toMatch(/row-level security/);
  });

  it('updates no row of another tenant', async () => {
    const updated = await withTenant(database.db, tenantA, (tx) =>
      tx
        .update(contentItems)
        .set({ slug: 'bi-sua' })
        .where(eq(contentItems.id, itemOfB))
        .returning(),
    );
    const rawUpdated = await withTenant(database.db, tenantA, (tx) =>
      queryRows(
        tx,
        sql`update content_items set slug = 'bi-sua' where tenant_id = ${tenantB} returning id`,
      ),
    );
    const stillThere = await withTenant(database.db, tenantB, (tx) =>
      tx.select().from(contentItems).where(eq(contentItems.id, itemOfB)),
    );

    expect(updated).toEqual([]);
    expect(rawUpdated).toEqual([]);
    expect(stillThere[0]?.slug).toBe('bai-cua-b');
  });

  it('rejects moving an own row to another tenant', async () => {
    const attempt = withTenant(database.db, tenantA, (tx) =>
      tx.execute(sql`update content_items set tenant_id = ${tenantB} where slug = 'bai-cua-a'`),
    );

    expect(await databaseErrorOf(attempt)).toMatch(/row-level security/);
  });

  it('deletes no row of another tenant', async () => {
    const deleted = await withTenant(database.db, tenantA, (tx) =>
      queryRows(tx, sql`delete from content_items where tenant_id = ${tenantB} returning id`),
    );
    const remaining = await withTenant(database.db, tenantB, (tx) =>
      tx
        .select()
        .from(contentItems)
        .where(and(eq(contentItems.tenantId, tenantB))),
    );

    expect(deleted).toEqual([]);
    expect(remaining).toHaveLength(1);
  });

  it('shows no tenant rows when no tenant is set', async () => {
    const rows = await withoutTenant(database.db, (tx) =>
      queryRows(tx, sql`select id from content_items`),
    );

    expect(rows).toEqual([]);
  });

  it('keeps the policies for a table owner that is not a superuser', async () => {
    // Superusers always bypass RLS, so the owner is a throwaway role, rolled back at the end.
    const owner = `rls_owner_${Math.random().toString(36).slice(2, 10)}`;
    const rollback = new Error('roll back');
    let ownerRows: unknown[] = [];
    const run = database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`create role ${owner} nologin`));
      await tx.execute(sql.raw(`alter table content_items owner to ${owner}`));
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantA}, true)`);
      await tx.execute(sql.raw(`set local role ${owner}`));
      ownerRows = await queryRows(tx, sql`select id from content_items`);
      throw rollback;
    });

    await expect(run).rejects.toBe(rollback);
    expect(ownerRows).toEqual([]);
  });

  it('refuses to change or delete a stored revision', async () => {
    const updateError = await databaseErrorOf(
      withTenant(database.db, tenantA, (tx) =>
        tx.update(contentRevisions).set({ titleVi: 'sửa lén' }),
      ),
    );
    const deleteError = await databaseErrorOf(
      withTenant(database.db, tenantA, (tx) => tx.delete(contentRevisions)),
    );

    expect(updateError).toMatch(/permission denied/);
    expect(deleteError).toMatch(/permission denied/);
  });

  it('forces RLS with a tenant policy on every table that has tenant_id', async () => {
    const tables = await queryRows<{
      table_name: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: string | null;
    }>(
      database.db,
      sql`select c.relname as table_name, c.relrowsecurity, c.relforcerowsecurity,
                 (select string_agg(p.qual, ' ') from pg_policies p
                   where p.schemaname = 'public' and p.tablename = c.relname) as policies
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'
             and exists (select 1 from information_schema.columns col
                          where col.table_schema = 'public' and col.table_name = c.relname
                            and col.column_name = 'tenant_id')
           order by 1`,
    );

    // Tables that carry a tenant id but are read before any tenant is known (hosts, inbound
    // API tokens, sign-in events), or by the job worker across tenants. The audit log has RLS
    // but is written by its owner's function.
    const globalTables = new Set([
      'tenant_domains',
      'security_events',
      'jobs',
      'integration_tokens',
    ]);
    const auditLog = tables.find((table) => table.table_name === 'audit_log');
    const scoped = tables.filter(
      (table) => !globalTables.has(table.table_name) && table.table_name !== 'audit_log',
    );

    expect(auditLog?.relrowsecurity).toBe(true);
    expect(scoped.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(['content_items', 'content_revisions', 'media', 'memberships']),
    );
    for (const table of scoped) {
      expect({
        table: table.table_name,
        enabled: table.relrowsecurity,
      }).toEqual({
        table: table.table_name,
        enabled: true,
      });
      expect({
        table: table.table_name,
        forced: table.relforcerowsecurity,
      }).toEqual({
        table: table.table_name,
        forced: true,
      });
      expect(table.policies ?? '').toContain('current_tenant()');
    }
  });
});
