import { Hono } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

import { createAdminApi } from './api/admin-api.ts';
import type { AppDependencies, AppEnv } from './app-env.ts';
import { handleError } from './errors.ts';
import { createHealthRoutes } from './ops/health.ts';
import { requestContext } from './request-context.ts';
import { siteStylesheet } from './site/assets.ts';
import { createSiteRoutes } from './site/routes.tsx';
import { resolveTenant } from './tenancy/middleware.ts';
import { TenantDirectory } from './tenancy/tenant-directory.ts';

export type App = {
  app: Hono<AppEnv>;
  directory: TenantDirectory;
};

/**
 * Builds the Hono app. Order matters: request context first, then the routes that answer on any
 * host (health, static assets), then tenant resolution, then the portal routes.
 */
export function createApp(deps: AppDependencies): App {
  const directory = new TenantDirectory(deps.db);
  const app = new Hono<AppEnv>();

  app.use(requestContext(deps));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", NONCE],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.onError(handleError);

  app.route('/', createHealthRoutes());
  app.get(siteStylesheet.path, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(siteStylesheet.body);
  });

  app.use(resolveTenant({ directory, trustProxy: deps.config.trustProxy }));
  app.route('/api/admin', createAdminApi());
  app.get('/admin/*', async (c, next) => {
    const { tenant, origin } = c.var;
    if (tenant.kind === 'main') {
      return next();
    }
    // The admin lives on the main portal's host; a unit's /admin opens it with that unit chosen.
    const main = (await directory.list()).find((candidate) => candidate.kind === 'main');
    if (!main) {
      return next();
    }
    const port = origin.port ? `:${origin.port}` : '';
    return c.redirect(
      `${origin.protocol}://${main.canonicalHost}${port}/admin/?tenant=${tenant.slug}`,
      302,
    );
  });
  app.route('/', createSiteRoutes(directory));

  return { app, directory };
}
