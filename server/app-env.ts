import type { Actor } from './access/can.ts';
import type { SessionRecord, SessionUser } from './auth/sessions.ts';
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
    /** Set by the session middleware of the admin API when the request has a valid session. */
    auth?: {
      session: SessionRecord;
      user: SessionUser;
      actor: Actor;
      /** A role this user holds requires a second factor that is not enrolled yet. */
      mustEnrolSecondFactor: boolean;
      /** The user has a second factor that this session has not passed yet. */
      isSecondFactorPending: boolean;
    };
    /** The scheme and host the visitor used, after the trusted-proxy rules. */
    origin: { protocol: 'http' | 'https'; host: string; port: string };
  };
};
