import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';

import type { AppEnv } from '../app-env.ts';

/** The folder Vite writes the admin SPA to (`npm run build:web`). */
export const adminBuildFolder = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The admin's policy: scripts and styles from this origin only (Vite's output has no inline
 * script), images also as `data:` URLs for the authenticator QR code, and no framing.
 */
const adminContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const immutable = 'public, max-age=31536000, immutable';

export type AdminSpaOptions = {
  /** The built SPA; defaults to `web/dist` of this repository. */
  folder?: string;
};

type IndexPage = { mtimeMs: number; html: string };

/**
 * Serves the built admin SPA under `/admin` on the main portal's host: hashed files under
 * `/admin/assets/` for a year, and `index.html` (revalidated on every load) for every other
 * path, so that the SPA's own router handles deep links. Mount it with `app.route('/admin', …)`.
 */
export function createAdminSpa(options: AdminSpaOptions = {}) {
  const folder = options.folder ?? adminBuildFolder;
  const indexPath = path.join(folder, 'index.html');
  const routes = new Hono<AppEnv>();
  let cachedIndex: IndexPage | undefined;

  // The page is re-read when its file changes, so a rebuild while the server runs is picked up.
  async function loadIndexPage(): Promise<string | undefined> {
    const info = await stat(indexPath).catch(() => undefined);
    if (!info) {
      return undefined;
    }
    if (cachedIndex?.mtimeMs !== info.mtimeMs) {
      cachedIndex = { mtimeMs: info.mtimeMs, html: await readFile(indexPath, 'utf8') };
    }

    return cachedIndex.html;
  }

  // Built on first use: serveStatic logs an error when its folder is missing at creation.
  let staticFiles: MiddlewareHandler<AppEnv> | undefined;
  async function serveBuiltFile(c: Context<AppEnv>, cacheControl: string) {
    staticFiles ??= serveStatic<AppEnv>({
      root: folder,
      rewriteRequestPath: (requestPath) => requestPath.replace(/^\/admin/, ''),
    });
    const response = await staticFiles(c, async () => {});
    // Set on the response itself: a header set in serveStatic's `onFound` reaches the response
    // with @hono/node-server's Response class but not with the standard one.
    response?.headers.set('Cache-Control', cacheControl);

    return response;
  }

  routes.use(async function adminSpaOnMainHost(c, next) {
    if (c.var.tenant.kind !== 'main') {
      return next();
    }
    await next();
    c.header('Content-Security-Policy', adminContentSecurityPolicy);
  } satisfies MiddlewareHandler<AppEnv>);

  routes.get('/', (c, next) => {
    // `/admin` without the slash: the SPA's relative links expect the folder form.
    if (c.var.tenant.kind === 'main' && !c.req.path.endsWith('/')) {
      const search = new URL(c.req.url).search;
      return c.redirect(`/admin/${search}`, 301);
    }
    return next();
  });

  routes.get('/assets/*', async (c, next) => {
    if (c.var.tenant.kind !== 'main') {
      return next();
    }
    if ((await loadIndexPage()) === undefined) {
      return c.text('Not found', 404);
    }
    const response = await serveBuiltFile(c, immutable);
    return response ?? c.text('Not found', 404);
  });

  routes.get('*', async (c, next) => {
    if (c.var.tenant.kind !== 'main') {
      return next();
    }
    const html = await loadIndexPage();
    if (html === undefined) {
      c.header('Cache-Control', 'no-store');
      return c.text(
        'The admin is not built yet. Run `npm run build:web` (or `npm start`, which builds it), ' +
          'then reload this page.',
        503,
      );
    }
    const isIndexPath = c.req.path === '/admin/' || c.req.path === '/admin/index.html';
    if (!isIndexPath) {
      const file = await serveBuiltFile(c, 'no-cache');
      if (file) {
        return file;
      }
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });

  return routes;
}
