import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppEnv } from '../app-env.ts';
import { listCategories } from '../content/categories.ts';
import type { ListingDay } from '../content/public-queries.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { effectiveValue } from '../policies/index.ts';
import { publicCacheControl } from './cache-middleware.ts';
import { CategoryTree } from './category-tree.ts';
import { subtractYears, todayInVietnam } from './dates.ts';
import { Layout, type OpenGraph } from './layout.tsx';
import { portalBaseUrl, sitePaths } from './urls.ts';

/** Legal documents leave the public lists this many years after they stopped being in force. */
export const expiredListingYears = 1;

/**
 * The data every public page of a request reads: the category tree, the rendering day and the
 * footer fields the board's policy requires.
 */
export type SiteContext = {
  tree: CategoryTree;
  day: ListingDay;
  now: Date;
  requiredOperatorFields: readonly string[];
};

/** Returns the day pages are rendered for, and the cutoff for expired legal documents. */
export function listingDayOf(now: Date): ListingDay {
  const today = todayInVietnam(now);

  return { today, listCutoff: subtractYears(today, expiredListingYears) };
}

/**
 * Runs `fn` in one transaction of the request's tenant with the site context loaded, so a page
 * costs one transaction, menu included.
 */
export async function withSite<T>(
  c: Context<AppEnv>,
  fn: (tx: Tx, site: SiteContext) => Promise<T>,
): Promise<T> {
  const { db, tenant } = c.var;
  const now = new Date();

  return withTenant(db, tenant.id, async (tx) => {
    const tree = new CategoryTree(await listCategories(tx, tenant.id));
    const requiredOperatorFields = await effectiveValue(
      tx,
      tenant.id,
      'site.required_operator_fields',
    );
    return fn(tx, { tree, day: listingDayOf(now), now, requiredOperatorFields });
  });
}

/** Returns the base URL of the request's portal, as the visitor reaches it. */
export function baseUrlOf(c: Context<AppEnv>): string {
  return portalBaseUrl(c.var.origin, c.var.tenant.canonicalHost);
}

export type RenderPageOptions = {
  site: SiteContext;
  title: string;
  description?: string | null | undefined;
  body: Child;
  status?: ContentfulStatusCode;
  /** The path and query of the page's canonical address; `null` for none; the path by default. */
  canonicalPath?: string | null;
  openGraph?: OpenGraph;
  isNoIndex?: boolean;
  variant?: 'full' | 'print';
  banner?: Child;
  extraStylesheets?: readonly string[];
  /**
   * `public` pages may be kept by the page cache and CDNs. `private` ones (previews, responses
   * to invalid input, search) are sent with `no-store`.
   */
  caching?: 'public' | 'private';
};

/** Renders a page in the portal's layout with the headers its caching needs. */
export function renderPage(c: Context<AppEnv>, options: RenderPageOptions) {
  const baseUrl = baseUrlOf(c);
  const canonicalPath = options.canonicalPath === undefined ? c.req.path : options.canonicalPath;
  const status = options.status ?? 200;
  const isPublic = (options.caching ?? 'public') === 'public' && status === 200;
  c.header('Cache-Control', isPublic ? publicCacheControl : 'no-store');

  return c.html(
    <Layout
      tenant={c.var.tenant}
      title={options.title}
      description={options.description ?? undefined}
      canonicalUrl={canonicalPath === null ? undefined : baseUrl + canonicalPath}
      baseUrl={baseUrl}
      currentPath={c.req.path}
      menu={options.site.tree.topLevel()}
      openGraph={options.openGraph}
      isNoIndex={options.isNoIndex}
      variant={options.variant}
      banner={options.banner}
      extraStylesheets={options.extraStylesheets}
      requiredOperatorFields={options.site.requiredOperatorFields}
    >
      {options.body}
    </Layout>,
    status,
  );
}

/**
 * Renders a 404 page inside the portal's own frame, with links on. Unknown hosts get the plain
 * status page instead, which names no portal.
 */
export async function renderNotFound(c: Context<AppEnv>) {
  const site = await withSite(c, async (_tx, context) => context);

  return renderPage(c, {
    site,
    title: 'Không tìm thấy trang',
    status: 404,
    canonicalPath: null,
    isNoIndex: true,
    caching: 'private',
    body: (
      <>
        <h1>Không tìm thấy trang</h1>
        <p>Trang bạn tìm không có trên cổng thông tin này, hoặc đã được gỡ xuống.</p>
        <ul>
          <li>
            <a href={sitePaths.home}>Về trang chủ</a>
          </li>
          <li>
            <a href={sitePaths.search}>Tìm kiếm trên cổng</a>
          </li>
        </ul>
      </>
    ),
  });
}
