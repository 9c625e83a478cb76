import { XMLBuilder } from 'fast-xml-parser';
import { Feed } from 'feed';

import type { PublishedSummary, SitemapEntry } from '../content/public-queries.ts';
import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import type { SiteCategory } from './category-tree.ts';
import { itemPath, sitePaths } from './urls.ts';

/** The feed carries this many of the newest articles and announcements. */
export const feedItemLimit = 20;

/** A sitemap file may list at most 50,000 addresses (sitemaps.org protocol 0.9). */
export const sitemapUrlLimit = 50_000;

/** Builds the RSS 2.0 feed of a portal from its newest articles and announcements. */
export function buildRssFeed(
  tenant: ResolvedTenant,
  baseUrl: string,
  items: PublishedSummary[],
): string {
  const feed = new Feed({
    title: tenant.nameVi,
    description: tenant.descriptionVi,
    id: `${baseUrl}/`,
    link: `${baseUrl}/`,
    language: 'vi',
    copyright: tenant.operator.agency.vi,
    updated: items[0]?.firstPublishedAt,
    generator: false,
    feedLinks: { rss: `${baseUrl}${sitePaths.rss}` },
  });
  for (const item of items) {
    const link = baseUrl + itemPath(item);
    feed.addItem({
      title: item.titleVi,
      id: link,
      link,
      date: item.firstPublishedAt,
      ...(item.leadVi ? { description: item.leadVi } : {}),
    });
  }

  return feed.rss2();
}

const sitemapBuilder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
});

/** The pages every portal has, beside its items and categories. */
const fixedPaths = [
  sitePaths.home,
  sitePaths.articles,
  '/thong-bao',
  sitePaths.legalDocuments,
  '/du-thao',
  sitePaths.schedule,
  '/dau-thau',
  '/thong-ke',
];

/** Builds the sitemap of a portal: its fixed pages, its categories and its listed items. */
export function buildSitemap(
  baseUrl: string,
  categories: SiteCategory[],
  entries: SitemapEntry[],
): string {
  const fixed = fixedPaths.map((path) => ({ loc: baseUrl + path }));
  const ofCategories = categories.map((category) => ({
    loc: baseUrl + sitePaths.category(category.slug),
  }));
  const room = Math.max(0, sitemapUrlLimit - fixed.length - ofCategories.length);
  // NOTE: a portal with more items than fit in one file loses its oldest ones from the
  // sitemap, because no sitemap index splits them across files yet.
  // Several schedules of one week share the week's address, so addresses are listed once.
  const ofItems = new Map<string, { loc: string; lastmod: string }>();
  for (const entry of entries) {
    const loc = baseUrl + itemPath(entry);
    if (!ofItems.has(loc) && ofItems.size < room) {
      ofItems.set(loc, { loc, lastmod: entry.publishedAt.toISOString() });
    }
  }
  const urlset = {
    '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
    url: [...fixed, ...ofCategories, ...ofItems.values()],
  };

  return `<?xml version="1.0" encoding="UTF-8"?>\n${sitemapBuilder.build({ urlset })}`;
}

/** Builds robots.txt: everything may be crawled but previews, and the sitemap is named. */
export function buildRobotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    `Disallow: ${sitePaths.preview}/`,
    '',
    `Sitemap: ${baseUrl}${sitePaths.sitemap}`,
    '',
  ].join('\n');
}
