import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { tenantDomains, tenants } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { HostConflictError, syncTenants } from '../../../server/tenancy/sync.ts';
import { loadTenantFolder, type TenantFolder } from '../../../server/tenancy/tenant-folder.ts';
import type { TenantFile } from '../../../server/tenancy/tenant-file-schema.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';

const rootDomain = 'mic.test';

function portal(slug: string, overrides: Partial<TenantFile> = {}): TenantFile {
  return {
    slug,
    kind: 'hosted',
    status: 'active',
    name: { vi: `Đơn vị ${slug}` },
    abbreviation: slug.toUpperCase(),
    description: { vi: `Mô tả ${slug}.` },
    domains: { aliases: [] },
    theme: { primaryColor: '#1d4f91' },
    operator: {
      agency: { vi: 'Bộ Thông tin và Truyền thông' },
      responsiblePerson: 'Giám đốc',
      address: { vi: 'Hà Nội' },
      phone: '024 0000 0000',
      email: `${slug}@mic.gov.vn`,
    },
    sortOrder: 100,
    ...overrides,
  };
}

function folderOf(...portals: TenantFile[]): TenantFolder {
  return {
    portals: portals.map((tenant) => ({ file: `tenants/portals/${tenant.slug}.yaml`, tenant })),
    demo: [],
    holidays: [],
  };
}

async function hostsOf(database: TestDatabase, slug: string) {
  const rows = await database.db
    .select({ hostname: tenantDomains.hostname, isCanonical: tenantDomains.isCanonical })
    .from(tenantDomains)
    .innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
    .where(eq(tenants.slug, slug))
    .orderBy(tenantDomains.hostname);
  return rows;
}

const options = { rootDomain, includeDemoContent: false };

describe('syncTenants', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.destroy();
  });

  it('creates portals with their canonical host and aliases', async () => {
    const folder = folderOf(
      portal('mic', { kind: 'main' }),
      portal('vnta', { domains: { aliases: ['vnta.gov.vn'] } }),
    );

    const report = await syncTenants(database.db, folder, options);

    expect(report.created).toEqual(['mic', 'vnta']);
    expect(await hostsOf(database, 'mic')).toEqual([
      { hostname: 'mic.test', isCanonical: true },
      { hostname: 'www.mic.test', isCanonical: false },
    ]);
    expect(await hostsOf(database, 'vnta')).toEqual([
      { hostname: 'vnta.gov.vn', isCanonical: false },
      { hostname: 'vnta.mic.test', isCanonical: true },
    ]);
  });

  it('changes nothing when run twice', async () => {
    const folder = folderOf(portal('mic', { kind: 'main' }), portal('vnta'));
    await syncTenants(database.db, folder, options);
    const before = await database.db.select().from(tenants).orderBy(tenants.slug);

    const report = await syncTenants(database.db, folder, options);
    const after = await database.db.select().from(tenants).orderBy(tenants.slug);

    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toEqual(['mic', 'vnta']);
    expect(after).toEqual(before);
  });

  it('updates changed fields and hosts and reports removed hosts', async () => {
    await syncTenants(
      database.db,
      folderOf(
        portal('mic', { kind: 'main' }),
        portal('ais', { domains: { aliases: ['ais.gov.vn', 'old.ais.vn'] } }),
      ),
      options,
    );

    const report = await syncTenants(
      database.db,
      folderOf(
        portal('mic', { kind: 'main' }),
        portal('ais', {
          name: { vi: 'Cục An toàn thông tin' },
          domains: { canonical: 'ais.gov.vn', aliases: [] },
        }),
      ),
      options,
    );
    const [ais] = await database.db.select().from(tenants).where(eq(tenants.slug, 'ais'));

    expect(report.updated).toEqual(['ais']);
    expect(report.removedHosts).toEqual(['old.ais.vn']);
    expect(ais?.nameVi).toBe('Cục An toàn thông tin');
    expect(await hostsOf(database, 'ais')).toEqual([
      { hostname: 'ais.gov.vn', isCanonical: true },
      { hostname: 'ais.mic.test', isCanonical: false },
    ]);
  });

  it('moves a host from one file to another', async () => {
    await syncTenants(
      database.db,
      folderOf(
        portal('mic', { kind: 'main' }),
        portal('a', { domains: { aliases: ['shared.vn'] } }),
        portal('b'),
      ),
      options,
    );

    await syncTenants(
      database.db,
      folderOf(
        portal('mic', { kind: 'main' }),
        portal('a'),
        portal('b', { domains: { aliases: ['shared.vn'] } }),
      ),
      options,
    );

    expect(await hostsOf(database, 'a')).toEqual([{ hostname: 'a.mic.test', isCanonical: true }]);
    expect(await hostsOf(database, 'b')).toContainEqual({
      hostname: 'shared.vn',
      isCanonical: false,
    });
  });

  it('never deletes a portal whose file is gone', async () => {
    await syncTenants(
      database.db,
      folderOf(portal('mic', { kind: 'main' }), portal('cu')),
      options,
    );

    const report = await syncTenants(
      database.db,
      folderOf(portal('mic', { kind: 'main' })),
      options,
    );
    const remaining = await database.db.select({ slug: tenants.slug }).from(tenants);

    expect(report.withoutFile).toEqual(['cu']);
    expect(remaining.map((row) => row.slug).sort()).toEqual(['cu', 'mic']);
    expect(await hostsOf(database, 'cu')).toHaveLength(1);
  });

  it('applies nothing when one portal fails', async () => {
    await createTenant(database.db, { slug: 'ngoai', aliases: ['tranh-chap.vn'] });
    const folder = folderOf(
      portal('mic', { kind: 'main' }),
      portal('moi', { domains: { aliases: ['tranh-chap.vn'] } }),
    );

    await expect(syncTenants(database.db, folder, options)).rejects.toThrow(HostConflictError);
    const slugs = await database.db.select({ slug: tenants.slug }).from(tenants);

    expect(slugs.map((row) => row.slug)).toEqual(['ngoai']);
  });

  it('seeds the shipped demo content once and never overwrites it', async () => {
    const folder = await loadTenantFolder();
    const first = await syncTenants(database.db, folder, { rootDomain, includeDemoContent: true });
    const second = await syncTenants(database.db, folder, { rootDomain, includeDemoContent: true });
    const [main] = await database.db.select().from(tenants).where(eq(tenants.kind, 'main'));
    const mainItems = await withTenant(database.db, main!.id, (tx) =>
      queryRows<{ type: string; slug: string }>(
        tx,
        sql`select type, slug from content_items where status = 'published'`,
      ),
    );

    expect(first.demoItemsCreated).toBeGreaterThan(folder.portals.length);
    expect(second.demoItemsCreated).toBe(0);
    expect(mainItems.filter((item) => item.type === 'article').length).toBeGreaterThanOrEqual(1);
    expect(mainItems).toContainEqual({ type: 'page', slug: 'gioi-thieu' });
  });
});
