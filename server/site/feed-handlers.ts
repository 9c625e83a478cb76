import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { listPublished, listSitemapEntries } from '../content/public-queries.ts';
import { publicCacheControl } from './cache-middleware.ts';
import {
  buildRobotsTxt,
  buildRssFeed,
  buildSitemap,
  feedItemLimit,
  sitemapUrlLimit,
} from './feeds.ts';
import { baseUrlOf, withSite } from './render.tsx';

function sendXml(c: Context<AppEnv>, body: string, contentType: string) {
  c.header('Content-Type', `${contentType}; charset=utf-8`);
  c.header('Cache-Control', publicCacheControl);

  return c.body(body, 200);
}

/** Sends the RSS feed of the request's portal: its 20 newest articles and announcements. */
export async function sendRssFeed(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const items = await withSite(c, (tx, site) =>
    listPublished(tx, tenant.id, {
      ...site.day,
      types: ['article', 'announcement'],
      limit: feedItemLimit,
    }),
  );

  return sendXml(c, buildRssFeed(tenant, baseUrlOf(c), items), 'application/rss+xml');
}

/** Sends the sitemap of the request's portal, with the last publication of each item. */
export async function sendSitemap(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const { entries, categories } = await withSite(c, async (tx, site) => ({
    entries: await listSitemapEntries(tx, tenant.id, { ...site.day, limit: sitemapUrlLimit }),
    categories: site.tree.all(),
  }));

  return sendXml(c, buildSitemap(baseUrlOf(c), categories, entries), 'application/xml');
}

export function sendRobotsTxt(c: Context<AppEnv>) {
  c.header('Content-Type', 'text/plain; charset=utf-8');
  c.header('Cache-Control', publicCacheControl);

  return c.body(buildRobotsTxt(baseUrlOf(c)), 200);
}
