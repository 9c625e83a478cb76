import { Hono, type Context } from 'hono';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { findPublished, listPublished } from '../content/public-queries.ts';
import type { ContentType } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { Layout } from './layout.tsx';
import { ArticleListPage, DirectoryPage, HomePage, ItemPage } from './pages.tsx';
import { renderStatusPage } from './status-page.tsx';
import { portalBaseUrl, sitePaths } from './urls.ts';

const articlesPerPage = 12;
const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);
const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

type PageOptions = {
  title: string;
  description?: string;
  body: Parameters<typeof Layout>[0]['children'];
};

function renderPage(c: Context<AppEnv>, options: PageOptions) {
  const { tenant, origin } = c.var;
  const canonicalUrl = portalBaseUrl(origin, tenant.canonicalHost) + c.req.path;
  c.header('Cache-Control', 'public, max-age=60');
  return c.html(
    <Layout
      tenant={tenant}
      title={options.title}
      description={options.description}
      canonicalUrl={canonicalUrl}
      currentPath={c.req.path}
      styleNonce={c.var.secureHeadersNonce}
    >
      {options.body}
    </Layout>,
  );
}

async function renderItem(c: Context<AppEnv>, type: ContentType) {
  const slug = slugSchema.safeParse(c.req.param('slug'));
  if (!slug.success) {
    return renderStatusPage(c, 404);
  }
  const { tenant, db } = c.var;
  const item = await withTenant(db, tenant.id, (tx) =>
    findPublished(tx, tenant.id, type, slug.data),
  );
  if (!item) {
    return renderStatusPage(c, 404);
  }

  const section = type === 'article' ? { href: sitePaths.articles, label: 'Tin tức' } : undefined;
  return renderPage(c, {
    title: item.titleVi,
    description: item.leadVi ?? undefined,
    body: <ItemPage item={item} section={section} />,
  });
}

/** The public pages of every portal, rendered on the server for the tenant of the request. */
export function createSiteRoutes(directory: TenantDirectory) {
  const site = new Hono<AppEnv>();

  site.get(sitePaths.home, async (c) => {
    const { tenant, db } = c.var;
    const articles = await withTenant(db, tenant.id, (tx) =>
      listPublished(tx, tenant.id, { type: 'article', limit: 6 }),
    );
    return renderPage(c, {
      title: tenant.nameVi,
      description: tenant.descriptionVi,
      body: <HomePage tenant={tenant} articles={articles} />,
    });
  });

  site.get(sitePaths.articles, async (c) => {
    const { tenant, db } = c.var;
    const page = pageNumberSchema.parse(c.req.query('trang'));
    const rows = await withTenant(db, tenant.id, (tx) =>
      listPublished(tx, tenant.id, {
        type: 'article',
        limit: articlesPerPage + 1,
        offset: (page - 1) * articlesPerPage,
      }),
    );
    const hasNext = rows.length > articlesPerPage;
    return renderPage(c, {
      title: 'Tin tức – Sự kiện',
      body: (
        <ArticleListPage articles={rows.slice(0, articlesPerPage)} page={page} hasNext={hasNext} />
      ),
    });
  });

  site.get(`${sitePaths.articles}/:slug`, (c) => renderItem(c, 'article'));
  site.get('/trang/:slug', (c) => renderItem(c, 'page'));

  site.get(sitePaths.directory, async (c) => {
    const { tenant, origin } = c.var;
    if (tenant.kind !== 'main') {
      return renderStatusPage(c, 404);
    }
    const members = (await directory.list())
      .filter((member) => member.kind !== 'main' && member.status === 'active')
      .map((member) => ({
        tenant: member,
        url: portalBaseUrl(origin, member.canonicalHost),
      }));
    return renderPage(c, {
      title: 'Cổng thông tin thành viên',
      body: <DirectoryPage members={members} />,
    });
  });

  site.notFound((c) => renderStatusPage(c, 404));

  return site;
}
