import type { Config } from './config.ts';
import type { Db } from './db/types.ts';
import type { Logger } from './logger.ts';
import type { ResolvedTenant } from './tenancy/tenant-directory.ts';

/** What the server's modules need from the process: built once at start-up. */
export type AppDependencies = {
  config: Config;
  db: Db;
  log: Logger;
};

/** The typed Hono context every route reads with `c.var`. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    db: Db;
    config: Config;
    /** Set by the tenancy middleware on every portal route. */
    tenant: ResolvedTenant;
    /** Set by `secureHeaders()`: the nonce that inline styles must carry. */
    secureHeadersNonce?: string;
    /** The scheme and host the visitor used, after the trusted-proxy rules. */
    origin: { protocol: 'http' | 'https'; host: string; port: string };
  };
};
