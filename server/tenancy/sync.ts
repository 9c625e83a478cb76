import { isDeepStrictEqual } from 'node:util';

import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';

import { findCategoryBySlug, seedCategories } from '../content/categories.ts';
import { contentFieldSchemas } from '../content/content-types.ts';
import { sanitizeRichText } from '../content/sanitize.ts';
import {
  contentItems,
  contentRevisions,
  tenantDomains,
  tenants,
  type ContentType,
} from '../db/schema/index.ts';
import type { Db, Tx } from '../db/types.ts';
import { syncDemoServices, type DemoServicesFile } from '../services/demo-services.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import type { TenantFolder } from './tenant-folder.ts';
import type { TenantFile } from './tenant-file-schema.ts';

/** The changes one run of the tenant sync made. */
export type SyncReport = {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Tenants in the database without a file; they are left as they are. */
  withoutFile: string[];
  /** Hostnames removed because their tenant's file no longer lists them. */
  removedHosts: string[];
  demoItemsCreated: number;
  demoServicesCreated: number;
};

/** A hostname in the files already belongs to a tenant that has no file. */
export class HostConflictError extends Error {
  override name = 'HostConflictError';
}

type DesiredHost = { hostname: string; isCanonical: boolean };

/** Lists the hosts a tenant is reached on, the canonical host first and then the aliases. */
export function hostsOf(tenant: TenantFile, rootDomain: string): DesiredHost[] {
  const fourthLevel = tenant.kind === 'main' ? rootDomain : `${tenant.slug}.${rootDomain}`;
  const canonical = tenant.domains.canonical ?? fourthLevel;
  const aliases = new Set(tenant.domains.aliases);
  if (canonical !== fourthLevel) {
    aliases.add(fourthLevel);
  }
  if (tenant.kind === 'main') {
    aliases.add(`www.${rootDomain}`);
  }
  aliases.delete(canonical);

  return [
    { hostname: canonical, isCanonical: true },
    ...[...aliases].sort().map((hostname) => ({ hostname, isCanonical: false })),
  ];
}

function toRow(tenant: TenantFile) {
  return {
    slug: tenant.slug,
    kind: tenant.kind,
    status: tenant.status,
    nameVi: tenant.name.vi,
    nameEn: tenant.name.en ?? null,
    abbreviation: tenant.abbreviation,
    descriptionVi: tenant.description.vi,
    descriptionEn: tenant.description.en ?? null,
    externalUrl: tenant.externalUrl ?? null,
    theme: tenant.theme,
    operator: tenant.operator,
    sortOrder: tenant.sortOrder,
  };
}

type TenantRow = ReturnType<typeof toRow>;

function isSameRow(existing: Record<string, unknown>, desired: TenantRow): boolean {
  // jsonb does not keep key order, so compare values structurally.
  return Object.entries(desired).every(([key, value]) => isDeepStrictEqual(existing[key], value));
}

async function syncHosts(
  tx: Tx,
  tenantId: string,
  slug: string,
  desired: DesiredHost[],
  context: { report: SyncReport; slugsWithFile: Set<string> },
): Promise<boolean> {
  const { report } = context;
  const current = await tx.select().from(tenantDomains).where(eq(tenantDomains.tenantId, tenantId));
  const names = desired.map((host) => host.hostname);
  const removed = current.filter((row) => !names.includes(row.hostname));
  const hasChanged =
    removed.length > 0 ||
    desired.some(
      (host) =>
        !current.some(
          (row) => row.hostname === host.hostname && row.isCanonical === host.isCanonical,
        ),
    );
  if (!hasChanged) {
    return false;
  }

  const hostsOfOthers = await tx
    .select({ hostname: tenantDomains.hostname, slug: tenants.slug })
    .from(tenantDomains)
    .innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
    .where(
      and(inArray(tenantDomains.hostname, names), notInArray(tenantDomains.tenantId, [tenantId])),
    );
  // A host may move from one file to another; a host of a tenant without a file may not.
  const conflict = hostsOfOthers.find((row) => !context.slugsWithFile.has(row.slug));
  if (conflict) {
    throw new HostConflictError(
      `Host ${conflict.hostname} of tenant ${slug} already belongs to tenant ${conflict.slug}, ` +
        'which has no file listing it: remove it from that tenant first.',
    );
  }

  if (hostsOfOthers.length > 0) {
    await tx.delete(tenantDomains).where(
      inArray(
        tenantDomains.hostname,
        hostsOfOthers.map((row) => row.hostname),
      ),
    );
  }
  // Remove and re-add, so the one-canonical-host index never finds two canonical rows.
  await tx.delete(tenantDomains).where(eq(tenantDomains.tenantId, tenantId));
  await tx.insert(tenantDomains).values(desired.map((host) => ({ ...host, tenantId })));
  report.removedHosts.push(...removed.map((row) => row.hostname));

  return true;
}

/** Switches the transaction to one tenant's scope as portal_app, like any request. */
async function enterTenantScope(tx: Tx, tenantId: string) {
  await tx.execute(
    sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'portal_app', true)`,
  );
}

/** The category a demo item goes to when its file names none. */
const demoCategorySlugs: Record<ContentType, string> = {
  page: 'gioi-thieu',
  article: 'tin-hoat-dong',
  announcement: 'tin-tuc-su-kien',
  legal_document: 'van-ban-quy-pham-phap-luat',
  draft_for_comment: 'du-thao-lay-y-kien',
  work_schedule: 'chi-dao-dieu-hanh',
  procurement_notice: 'du-an-dau-thau',
  statistics_report: 'thong-ke',
};

async function seedDemoContent(tx: Tx, folder: TenantFolder, idsBySlug: Map<string, string>) {
  let created = 0;
  for (const { content } of folder.demo) {
    const tenantId = idsBySlug.get(content.tenant);
    if (!tenantId) {
      continue;
    }
    await enterTenantScope(tx, tenantId);
    for (const item of content.items) {
      const category = await findCategoryBySlug(
        tx,
        tenantId,
        item.category ?? demoCategorySlugs[item.type],
      );
      const publishedAt = new Date(item.publishedAt);
      const [inserted] = await tx
        .insert(contentItems)
        .values({
          tenantId,
          type: item.type,
          slug: item.slug,
          status: 'published',
          categoryId: category?.id ?? null,
          publishedAt,
          firstPublishedAt: publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .onConflictDoNothing()
        .returning({ id: contentItems.id });
      if (!inserted) {
        continue;
      }
      const [revision] = await tx
        .insert(contentRevisions)
        .values({
          tenantId,
          itemId: inserted.id,
          number: 1,
          titleVi: item.title.vi.normalize('NFC'),
          titleEn: item.title.en ?? null,
          leadVi: item.lead?.vi.normalize('NFC') ?? null,
          leadEn: item.lead?.en ?? null,
          bodyVi: sanitizeRichText(item.body.vi),
          bodyEn: item.body.en ? sanitizeRichText(item.body.en) : null,
          fields: contentFieldSchemas[item.type].parse(item.fields),
          createdAt: new Date(item.publishedAt),
        })
        .returning({ id: contentRevisions.id });
      await tx
        .update(contentItems)
        .set({ publishedRevisionId: revision!.id, currentRevisionId: revision!.id })
        .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, inserted.id)));
      created += 1;
    }
  }

  return created;
}

export type SyncTenantsOptions = {
  rootDomain: string;
  /** Adds the demo items that are missing; items that exist are never overwritten. */
  includeDemoContent: boolean;
  /** Demo services and dossiers to add with the demo content, loaded before the transaction. */
  demoServices?: {
    files: { file: string; content: DemoServicesFile }[];
    calendar: WorkingCalendar;
  };
};

/**
 * Applies a validated tenants folder to the database in one transaction: creates and updates
 * tenants and their hosts, never deletes a tenant, and reports tenants that have no file.
 */
export async function syncTenants(
  db: Db,
  folder: TenantFolder,
  options: SyncTenantsOptions,
): Promise<SyncReport> {
  const report: SyncReport = {
    created: [],
    updated: [],
    unchanged: [],
    withoutFile: [],
    removedHosts: [],
    demoItemsCreated: 0,
    demoServicesCreated: 0,
  };

  await db.transaction(async (tx) => {
    const existing = await tx.select().from(tenants);
    const bySlug = new Map(existing.map((row) => [row.slug, row]));
    const idsBySlug = new Map<string, string>();
    const slugsWithFile = new Set(folder.portals.map(({ tenant }) => tenant.slug));

    for (const { tenant } of folder.portals) {
      const desired = toRow(tenant);
      const current = bySlug.get(tenant.slug);
      let tenantId: string;
      let hasChanged = false;
      if (!current) {
        const [inserted] = await tx.insert(tenants).values(desired).returning({ id: tenants.id });
        tenantId = inserted!.id;
        report.created.push(tenant.slug);
      } else {
        tenantId = current.id;
        if (!isSameRow(current, desired)) {
          await tx
            .update(tenants)
            .set({ ...desired, updatedAt: new Date() })
            .where(eq(tenants.id, tenantId));
          hasChanged = true;
        }
      }
      idsBySlug.set(tenant.slug, tenantId);

      const hostsChanged = await syncHosts(
        tx,
        tenantId,
        tenant.slug,
        hostsOf(tenant, options.rootDomain),
        { report, slugsWithFile },
      );
      if (current) {
        (hasChanged || hostsChanged ? report.updated : report.unchanged).push(tenant.slug);
      }
    }

    report.withoutFile = existing
      .map((row) => row.slug)
      .filter((slug) => !idsBySlug.has(slug))
      .sort();
    for (const tenantId of idsBySlug.values()) {
      await enterTenantScope(tx, tenantId);
      await seedCategories(tx, tenantId);
    }
    if (options.includeDemoContent) {
      report.demoItemsCreated = await seedDemoContent(tx, folder, idsBySlug);
      for (const { content } of options.demoServices?.files ?? []) {
        const tenantId = idsBySlug.get(content.tenant);
        if (tenantId && options.demoServices) {
          const created = await syncDemoServices(tx, tenantId, content, {
            calendar: options.demoServices.calendar,
          });
          report.demoServicesCreated += created.servicesCreated;
        }
      }
    }
  });

  return report;
}
