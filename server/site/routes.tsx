import { Hono } from 'hono';

import type { AppEnv } from '../app-env.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { cachePublicPages } from './cache-middleware.ts';
import { sendRobotsTxt, sendRssFeed, sendSitemap } from './feed-handlers.ts';
import { redirectScheduleItem, renderPreview, renderPublishedItem } from './item-handlers.tsx';
import {
  renderCategory,
  renderHome,
  renderLegalDocuments,
  renderSchedule,
  renderSearch,
  typeListHandler,
} from './list-handlers.tsx';
import type { PageCache } from './page-cache.ts';
import { DirectoryPage } from './pages.tsx';
import { renderNotFound, renderPage, withSite } from './render.tsx';
import { themeStylesheet } from './theme.ts';
import { portalBaseUrl, sitePaths, typeSections } from './urls.ts';

export type SiteRoutesOptions = {
  directory: TenantDirectory;
  /** Rendered public pages; `workflow.onPublicChange` drops a tenant's entries on publication. */
  pageCache: PageCache;
};

/** Content types with a list page and item pages under their own path. */
const listedTypes = [
  ['article', 'Tin tức – Sự kiện'],
  ['announcement', 'Thông báo'],
  ['draft_for_comment', 'Dự thảo lấy ý kiến'],
  ['procurement_notice', 'Thông tin đấu thầu'],
  ['statistics_report', 'Thông tin thống kê'],
] as const;

/**
 * Builds the public pages of every portal, rendered on the server for the request's tenant.
 * Mount it after every other module on `/`: its last route renders the 404 page for any GET
 * path that no earlier route took.
 */
export function createSiteRoutes(options: SiteRoutesOptions) {
  const site = new Hono<AppEnv>();

  site.get('/assets/:file{theme-[0-9a-f]{6}\\.css}', (c) => {
    const css = themeStylesheet(c.req.param('file').slice('theme-'.length, -'.css'.length));
    if (css === null) {
      return c.notFound();
    }
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(css);
  });

  // Previews must never be stored. Admin, API and media responses are not this module's to
  // keep or replace, even when a request of theirs falls through to here.
  const otherModules = ['/admin', '/api/', '/media/'];
  const skipPrefixes = [`${sitePaths.preview}/`, ...otherModules];
  site.use(cachePublicPages(options.pageCache, { skipPrefixes }));

  site.get(sitePaths.home, renderHome);
  for (const [type, title] of listedTypes) {
    const path = typeSections[type].path;
    site.get(path, typeListHandler(type, title, path));
    site.get(`${path}/:slug`, (c) => renderPublishedItem(c, type));
  }
  site.get(`${typeSections.page.path}/:slug`, (c) => renderPublishedItem(c, 'page'));
  site.get(sitePaths.legalDocuments, renderLegalDocuments);
  site.get(`${sitePaths.legalDocuments}/:slug`, (c) => renderPublishedItem(c, 'legal_document'));
  site.get(sitePaths.schedule, renderSchedule);
  site.get(`${sitePaths.schedule}/:slug`, redirectScheduleItem);
  site.get(sitePaths.category(':slug'), renderCategory);
  site.get(`${sitePaths.preview}/:token`, renderPreview);
  site.get(sitePaths.search, renderSearch);
  site.get(sitePaths.rss, sendRssFeed);
  site.get(sitePaths.sitemap, sendSitemap);
  site.get(sitePaths.robots, sendRobotsTxt);

  site.get(sitePaths.directory, async (c) => {
    const { tenant, origin } = c.var;
    if (tenant.kind !== 'main') {
      return renderNotFound(c);
    }
    const members = (await options.directory.list())
      .filter((member) => member.kind !== 'main' && member.status === 'active')
      .map((member) => ({
        tenant: member,
        url: portalBaseUrl(origin, member.canonicalHost),
      }));
    const context = await withSite(c, async (_tx, siteContext) => siteContext);
    return renderPage(c, {
      site: context,
      title: 'Cổng thông tin thành viên',
      body: <DirectoryPage members={members} />,
    });
  });

  // A sub-app's notFound handler is not used once it is mounted, so unknown portal paths are
  // caught here. Admin and API paths keep their own responses.
  site.get('*', (c, next) =>
    otherModules.some((prefix) => c.req.path.startsWith(prefix)) ? next() : renderNotFound(c),
  );

  return site;
}
