import { sql, type SQL } from 'drizzle-orm';
import { pgRole, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The role every request runs as: no login, no BYPASSRLS; created in a custom migration. */
export const portalApp = pgRole('portal_app').existing();

/** The RLS condition of every tenant-scoped table: the row belongs to the current tenant. */
export function isCurrentTenant(column: AnyPgColumn): SQL {
  return sql`${column} = app.current_tenant()`;
}

/**
 * The RLS condition that lets the board read across tenants. `withPlatform()` sets the scope,
 * and only after the board permission check.
 */
export const isPlatformScope = sql`app.current_scope() = 'platform'`;

/**
 * The RLS condition that lets the server read one user's rows across tenants (their
 * memberships). `withUserScope()` sets it for a user the server has already identified.
 */
export function isScopedUser(column: AnyPgColumn): SQL {
  return sql`app.current_scope() = 'user' and ${column} = app.current_user_id()`;
}
