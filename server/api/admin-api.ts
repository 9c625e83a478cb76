import { bodyLimit } from 'hono/body-limit';

import type { AppEnv } from '../app-env.ts';
import { loadSession, verifyAdminOrigin } from '../auth/middleware.ts';
import { createAuthRoutes } from '../auth/routes.ts';
import { AppError } from '../errors.ts';
import { createDashboardRoutes } from '../dashboard/routes.ts';
import { createFeedbackAdminRoutes } from '../feedback/index.ts';
import { createComplianceRoutes } from '../policies/compliance-routes.ts';
import { createPolicyRoutes } from '../policies/routes.ts';
import { createServiceAdminRoutes } from '../services/index.ts';
import { createTenantAdminRoutes } from '../tenancy/admin-routes.ts';
import { createUserRoutes } from '../users/routes.ts';
import { createAuditRoutes } from '../audit/routes.ts';
import { createContentRoutes } from '../content/routes.ts';
import { createMediaAdminRoutes, type MediaAdminOptions } from '../media/admin-routes.ts';
import { isUploadRequest } from '../auth/middleware.ts';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { createApiRouter } from './openapi.ts';

/**
 * The admin JSON API at `/api/admin`. It answers on the main portal's host only, so the
 * session cookie (host-only) is never sent to a unit's host.
 */
export type AdminApiOptions = { workflow: WorkflowDependencies; media: MediaAdminOptions };

/**
 * Options for building the API only to describe it (the OpenAPI document, the SPA's types):
 * the routes exist, and any handler that ran would fail at once.
 */
export const describeOnlyOptions: AdminApiOptions = {
  workflow: {
    db: new Proxy(
      {},
      {
        get: () => {
          throw new Error('The describe-only admin API has no database');
        },
      },
    ) as WorkflowDependencies['db'],
    getCalendar: () => Promise.reject(new Error('The describe-only admin API has no calendar')),
    onPublicChange: () => {},
  },
  media: {
    store: undefined as never,
    limitsFor: () => Promise.reject(new Error('The describe-only admin API has no media store')),
  },
};

export function createAdminApi(options: AdminApiOptions) {
  const api = createApiRouter();

  api.use(async function mainHostOnly(c, next) {
    if (c.var.tenant.kind !== 'main') {
      throw new AppError('not_found', 'The admin API is served on the main portal only');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('payload_too_large', 'The request body is larger than 1 MiB');
    },
  });
  // Uploads stream through their own size check, which reads the board's limit.
  api.use(async function limitJsonBodies(c, next) {
    return isUploadRequest(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next);
  });
  api.use(loadSession());
  api.use(verifyAdminOrigin());

  api.route('/auth', createAuthRoutes());
  api.route('/users', createUserRoutes());
  api.route('/', createDashboardRoutes());
  api.route('/content', createContentRoutes(options.workflow));
  api.route('/feedback', createFeedbackAdminRoutes(options.workflow, options.media.store));
  api.route('/services', createServiceAdminRoutes(options.workflow));
  api.route('/media', createMediaAdminRoutes(options.media));
  api.route('/', createAuditRoutes());
  api.route('/policies', createPolicyRoutes(options.workflow));
  // `/compliance` and `/compliance.csv` are siblings, so the router carries both full paths.
  api.route('/', createComplianceRoutes());

  api.route('/', createTenantAdminRoutes());

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Portal platform admin API', version: '1.0.0' },
  });

  api.notFound(() => {
    throw new AppError('not_found', 'No such admin API route');
  });

  return api;
}
