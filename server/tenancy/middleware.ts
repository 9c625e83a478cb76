import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { renderStatusPage } from '../site/status-page.tsx';
import { parseHost } from './host.ts';
import type { TenantDirectory } from './tenant-directory.ts';

export type ResolveTenantOptions = {
  directory: TenantDirectory;
  /** Whether `X-Forwarded-Host` and `X-Forwarded-Proto` come from a proxy we trust. */
  trustProxy: boolean;
};

function firstForwardedValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

/**
 * Resolves the portal of a request from its host and puts it on `c.var.tenant`.
 *
 * A malformed host gets 400 and an unknown one 404, never another portal's page. Any host of an
 * independent portal redirects to the site its unit runs, and an alias of any other portal
 * redirects permanently to the canonical host with path and query kept.
 */
export function resolveTenant(options: ResolveTenantOptions): MiddlewareHandler<AppEnv> {
  return async function resolveTenantMiddleware(c, next) {
    const forwardedHost = options.trustProxy
      ? firstForwardedValue(c.req.header('x-forwarded-host'))
      : undefined;
    const forwardedProto = options.trustProxy
      ? firstForwardedValue(c.req.header('x-forwarded-proto'))
      : undefined;
    const host = parseHost(forwardedHost ?? c.req.header('host'));
    if (!host) {
      return renderStatusPage(c, 400);
    }

    const protocol =
      forwardedProto === 'https' || (!forwardedProto && new URL(c.req.url).protocol === 'https:')
        ? 'https'
        : 'http';
    const match = await options.directory.findByHost(host.hostname);
    if (!match) {
      c.var.log.info({ host: host.hostname }, 'request for unknown host');
      return renderStatusPage(c, 404);
    }

    const { tenant } = match;
    // An independent portal runs elsewhere, so every one of its hosts goes straight there.
    if (tenant.kind === 'independent' && tenant.externalUrl) {
      return c.redirect(tenant.externalUrl, 302);
    }
    if (!match.isCanonical) {
      const url = new URL(c.req.url);
      const port = host.port ? `:${host.port}` : '';
      const location = `${protocol}://${tenant.canonicalHost}${port}${url.pathname}${url.search}`;
      return c.redirect(location, 301);
    }

    c.set('tenant', tenant);
    c.set('origin', { protocol, host: host.hostname, port: host.port });
    c.set('log', c.var.log.child({ tenant: tenant.slug }));
    if (tenant.status === 'suspended') {
      return renderStatusPage(c, 503);
    }

    await next();
  };
}
