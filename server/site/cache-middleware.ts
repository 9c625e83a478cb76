import type { Context, MiddlewareHandler } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { matchesEtag } from '../media/http-range.ts';
import { PageCache, type CachedPage } from './page-cache.ts';

/**
 * The `Cache-Control` of a public page that may be stored: a minute fresh, then served stale
 * for five more while a CDN fetches a new copy. A 200 response that carries exactly this value
 * is also kept in the page cache. Pages that must not be kept send another value.
 */
export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=300';

/**
 * The query parameters that change what a public page shows. Routes ignore every other
 * parameter, so the cache key drops them too: `?x=1`, `?x=2`… then reuse one entry and cannot
 * push real pages out of the cache.
 */
const meaningfulParameters = new Set([
  'trang',
  'tuan',
  'loai',
  'co-quan',
  'nam',
  'hieu-luc',
  'ban-in',
]);

/** Returns the path with only the meaningful query parameters, sorted, for the cache key. */
export function cacheablePathOf(url: URL): string {
  const meaningfulEntries = [...url.searchParams.entries()]
    .filter(([name]) => meaningfulParameters.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(meaningfulEntries).toString();

  return query ? `${url.pathname}?${query}` : url.pathname;
}

function respondWith(c: Context<AppEnv>, page: CachedPage): Response {
  c.header('ETag', page.etag);
  c.header('Cache-Control', publicCacheControl);
  if (matchesEtag(c.req.header('if-none-match'), page.etag)) {
    return c.body(null, 304);
  }
  c.header('Content-Type', page.contentType);

  return c.body(page.body, 200);
}

/**
 * Serves public GET pages from the page cache and stores the ones a route marked public.
 * Every response it handles carries an `ETag`, and a matching `If-None-Match` gets 304.
 *
 * The key contains the tenant id, and the scheme, host and port of the request, because pages
 * contain absolute URLs built from them. Previews are never looked up or stored.
 */
export function cachePublicPages(cache: PageCache, options: { skipPrefixes: string[] }) {
  const handler: MiddlewareHandler<AppEnv> = async function cachePublicPagesMiddleware(c, next) {
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!isRead || options.skipPrefixes.some((prefix) => c.req.path.startsWith(prefix))) {
      return next();
    }
    const { tenant, origin } = c.var;
    const originKey = `${origin.protocol}://${origin.host}:${origin.port}`;
    const key = PageCache.keyOf(tenant.id, originKey, cacheablePathOf(new URL(c.req.url)));
    const cached = cache.get(key);
    if (cached) {
      return respondWith(c, cached);
    }

    await next();

    const response = c.res;
    if (response.status !== 200 || response.headers.get('cache-control') !== publicCacheControl) {
      return;
    }
    const body = await response.text();
    const page: CachedPage = {
      status: 200,
      body,
      etag: PageCache.etagOf(body),
      contentType: response.headers.get('content-type') ?? 'text/html; charset=UTF-8',
    };
    cache.set(key, page);
    // The rendered body was read above, so the response is rebuilt from the stored page.
    c.res = respondWith(c, page);
  };

  return handler;
}
