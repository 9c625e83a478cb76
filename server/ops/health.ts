import { sql } from 'drizzle-orm';
import { Hono } from 'hono';

import type { AppEnv } from '../app-env.ts';

/**
 * Liveness and readiness probes. They answer on any host, since load balancers and Kubernetes
 * call them by address.
 */
export function createHealthRoutes() {
  const health = new Hono<AppEnv>();

  health.get('/healthz', (c) => c.json({ status: 'ok' }));

  health.get('/readyz', async (c) => {
    try {
      await c.var.db.execute(sql`select 1`);
      return c.json({ status: 'ready' });
    } catch (error) {
      c.var.log.warn({ err: error }, 'readiness check failed: database unreachable');
      return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503);
    }
  });

  return health;
}
