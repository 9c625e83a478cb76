import { Hono } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

import { createAdminApi } from './api/admin-api.ts';
import type { AppDependencies, AppEnv } from './app-env.ts';
import { handleError } from './errors.ts';
import {
  createFeedbackNotifier,
  createFeedbackSite,
  type FeedbackNotifier,
} from './feedback/index.ts';
import { createMediaRoutes, createMediaStore, type MediaStore } from './media/index.ts';
import { uploadLimitsFor } from './policies/index.ts';
import { createHealthRoutes } from './ops/health.ts';
import { requestContext } from './request-context.ts';
import { createInboundApi, createServicePages } from './services/index.ts';
import { createAdminSpa } from './site/admin-spa.ts';
import { siteStylesheet } from './site/assets.ts';
import { notifyPublicChange, PageCache } from './site/page-cache.ts';
import { createSiteRoutes } from './site/routes.tsx';
import { resolveTenant } from './tenancy/middleware.ts';
import { TenantDirectory } from './tenancy/tenant-directory.ts';
import { type WorkflowDependencies } from './workflow/apply-transition.ts';
import { loadWorkingCalendar } from './workflow/calendar.ts';

export type App = {
  app: Hono<AppEnv>;
  directory: TenantDirectory;
  pageCache: PageCache;
  workflow: WorkflowDependencies;
  /** The feedback notifier the configuration selects; the job worker needs the same one. */
  notifier: FeedbackNotifier;
  /** The media store the configuration selects; the retention job deletes attachments in it. */
  mediaStore: MediaStore;
};

/** Loads the holiday calendar on first use and keeps it for the life of the process. */
function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

/**
 * Builds the Hono app. Order matters: request context first, then the routes that answer on any
 * host (health, static assets), then tenant resolution, then the portal routes.
 */
export function createApp(deps: AppDependencies): App {
  const directory = new TenantDirectory(deps.db);
  const pageCache = new PageCache();
  const workflow: WorkflowDependencies = {
    db: deps.db,
    getCalendar: memoize(() => loadWorkingCalendar()),
    onPublicChange: (tenantId) => {
      pageCache.invalidateTenant(tenantId);
      // Other instances drop their copies when the notification reaches them.
      void notifyPublicChange(deps.db, tenantId).catch((error: unknown) => {
        deps.log.warn({ err: error, tenantId }, 'page cache notification failed');
      });
    },
  };
  const notifier = createFeedbackNotifier(deps.config, deps.log);
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
      // Media responses set a stricter policy of their own, which must not be replaced.
      overwrite: false,
    }),
  );
  app.onError(handleError);

  app.route('/', createHealthRoutes());
  app.get(siteStylesheet.path, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(siteStylesheet.body);
  });

  app.route('/api/inbound', createInboundApi(workflow));
  app.use(resolveTenant({ directory, trustProxy: deps.config.trustProxy }));
  const mediaStore = createMediaStore(deps.config);
  app.route(
    '/api/admin',
    createAdminApi({
      workflow,
      media: { store: mediaStore, limitsFor: uploadLimitsFor(deps.db) },
    }),
  );
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
  app.route('/admin', createAdminSpa());
  app.route('/', createMediaRoutes(mediaStore));
  app.route(
    '/',
    createFeedbackSite({
      workflow,
      mediaStore,
      log: deps.log,
      challengeSecret: deps.config.feedbackHmacKey,
      notifier,
    }),
  );
  app.route('/', createServicePages({ directory }));
  app.route('/', createSiteRoutes({ directory, pageCache }));

  return { app, directory, pageCache, workflow, notifier, mediaStore };
}
