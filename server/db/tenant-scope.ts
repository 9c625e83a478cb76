import { sql } from 'drizzle-orm';

import type { Db, Tx } from './types.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in a transaction that sees only the rows of one tenant.
 *
 * The first statement sets `app.tenant_id` and switches to the `portal_app` role, both local to
 * the transaction, so the row-level security policies hold even when the connection user owns
 * the tables or is a superuser (PGlite's only user is one).
 */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>) {
  if (!uuidPattern.test(tenantId)) {
    throw new TypeError(
      `withTenant needs a tenant id in UUID form, got ${JSON.stringify(tenantId)}`,
    );
  }

  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'portal_app', true)`,
    );

    return fn(tx);
  });
}

/**
 * Runs `fn` as `portal_app` with no tenant set: global tables (tenants, their domains) are
 * readable, every tenant-scoped table looks empty and refuses writes.
 */
export async function withoutTenant<T>(db: Db, fn: (tx: Tx) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'portal_app', true)`);

    return fn(tx);
  });
}

/**
 * Runs `fn` as `portal_app` in the platform scope, where the board reads every tenant's rows
 * (reads only: the policies allow no writes there). Call it only through `withPlatform()` in
 * `server/access`, which checks the board permission first.
 */
export async function withPlatformScope<T>(db: Db, fn: (tx: Tx) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.scope', 'platform', true), set_config('role', 'portal_app', true)`,
    );

    return fn(tx);
  });
}

/**
 * Runs `fn` as `portal_app` in the scope of one user, where that user's memberships in every
 * tenant are readable. For a user the server has already identified (a session's user, or the
 * target of an account change whose permission was checked).
 */
export async function withUserScope<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>) {
  if (!uuidPattern.test(userId)) {
    throw new TypeError(
      `withUserScope needs a user id in UUID form, got ${JSON.stringify(userId)}`,
    );
  }

  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.scope', 'user', true), set_config('app.user_id', ${userId}, true),
                 set_config('role', 'portal_app', true)`,
    );

    return fn(tx);
  });
}
