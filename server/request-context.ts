import { randomUUID } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';

import type { AppDependencies, AppEnv } from './app-env.ts';

const requestIdPattern = /^[\w.-]{8,128}$/;

/**
 * Puts the dependencies and a request-scoped child logger on the context, and logs one line
 * per request with its tenant, status and duration.
 */
export function requestContext(deps: AppDependencies): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const incomingId = c.req.header('x-request-id');
    const requestId = incomingId && requestIdPattern.test(incomingId) ? incomingId : randomUUID();
    c.set('requestId', requestId);
    c.set('db', deps.db);
    c.set('config', deps.config);
    c.set('log', deps.log.child({ requestId }));
    c.header('X-Request-Id', requestId);

    await next();

    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    c.var.log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs,
      },
      'request completed',
    );
  };
}
