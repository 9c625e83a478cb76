import { randomBytes } from 'node:crypto';

import { and, eq } from 'drizzle-orm';

import { loadConfig, type Config } from '../../server/config.ts';
import { createApp } from '../../server/app.ts';
import {
  contentItems,
  contentRevisions,
  tenantDomains,
  tenants,
  type ContentType,
} from '../../server/db/schema/index.ts';
import { withTenant } from '../../server/db/tenant-scope.ts';
import type { Db } from '../../server/db/types.ts';
import { createLogger } from '../../server/logger.ts';

export const testRootDomain = 'portal.test';

function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export type CreateTenantOptions = {
  slug?: string;
  kind?: 'main' | 'hosted' | 'independent';
  status?: 'active' | 'suspended';
  nameVi?: string;
  aliases?: string[];
  externalUrl?: string;
};

/** Inserts a tenant with its canonical host `<slug>.portal.test` and any aliases. */
export async function createTenant(db: Db, options: CreateTenantOptions = {}) {
  const slug = options.slug ?? `unit-${uniqueSuffix()}`;
  const kind = options.kind ?? 'hosted';
  const [tenant] = await db
    .insert(tenants)
    .values({
      slug,
      kind,
      status: options.status ?? 'active',
      nameVi: options.nameVi ?? `Đơn vị ${slug}`,
      nameEn: `Unit ${slug}`,
      abbreviation: slug.toUpperCase(),
      descriptionVi: `Giới thiệu ngắn về ${slug}.`,
      externalUrl:
        kind === 'independent' ? (options.externalUrl ?? `https://${slug}.example.vn`) : null,
      theme: { primaryColor: '#1d4f91' },
      operator: {
        agency: { vi: `Cơ quan chủ quản ${slug}` },
        responsiblePerson: 'Giám đốc',
        address: { vi: '18 Nguyễn Du, Hà Nội' },
        phone: '024 0000 0000',
        email: `${slug}@portal.test`,
      },
    })
    .returning();
  const canonicalHost = kind === 'main' ? testRootDomain : `${slug}.${testRootDomain}`;
  await db.insert(tenantDomains).values([
    { tenantId: tenant!.id, hostname: canonicalHost, isCanonical: true },
    ...(options.aliases ?? []).map((hostname) => ({
      tenantId: tenant!.id,
      hostname,
      isCanonical: false,
    })),
  ]);

  return { ...tenant!, canonicalHost };
}

export type CreateItemOptions = {
  type?: ContentType;
  slug?: string;
  titleVi?: string;
  bodyVi?: string;
  isPublished?: boolean;
  publishedAt?: Date;
};

/** Inserts a content item with one revision, published unless `isPublished` is false. */
export async function createItem(db: Db, tenantId: string, options: CreateItemOptions = {}) {
  const isPublished = options.isPublished ?? true;
  const slug = options.slug ?? `bai-viet-${uniqueSuffix()}`;

  return withTenant(db, tenantId, async (tx) => {
    const [item] = await tx
      .insert(contentItems)
      .values({
        tenantId,
        type: options.type ?? 'article',
        slug,
        status: isPublished ? 'published' : 'draft',
        publishedAt: isPublished ? (options.publishedAt ?? new Date()) : null,
      })
      .returning();
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        tenantId,
        itemId: item!.id,
        number: 1,
        titleVi: options.titleVi ?? `Tiêu đề ${slug}`,
        bodyVi: options.bodyVi ?? '<p>Nội dung thử nghiệm.</p>',
      })
      .returning();
    await tx
      .update(contentItems)
      .set({
        currentRevisionId: revision!.id,
        publishedRevisionId: isPublished ? revision!.id : null,
        firstPublishedAt: isPublished ? (options.publishedAt ?? new Date()) : null,
      })
      .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, item!.id)));

    return { ...item!, revisionId: revision!.id };
  });
}

/** Builds the app on a test database, with the configuration a test needs. */
export function buildTestApp(db: Db, overrides: Partial<Config> = {}) {
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', PORTAL_ROOT_DOMAIN: testRootDomain }),
    ...overrides,
  };
  const log = createLogger({ logLevel: 'silent' });
  const { app, directory, pageCache, workflow, mediaStore } = createApp({ config, db, log });

  /** Sends a request to the app as if it arrived for `host`. */
  const request = (host: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('host', host);
    // A malformed host cannot be part of a URL; the Host header still carries it.
    const url = URL.canParse(`http://${host}${path}`)
      ? `http://${host}${path}`
      : `http://x.invalid${path}`;
    return app.request(url, { ...init, headers, redirect: 'manual' });
  };

  return { app, directory, pageCache, workflow, mediaStore, config, request };
}
