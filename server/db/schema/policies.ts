import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

import { isCurrentTenant, isPlatformScope, portalApp } from './roles.ts';
import { tenants } from './tenants.ts';

/**
 * The board's setting of each policy: its default value, the bounds a tenant's override must
 * stay within, and whether overrides are locked. Global, readable by every tenant, written by
 * the board only (the permission check is in the application; the table holds no tenant data).
 */
export const policySettings = pgTable('policy_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  bounds: jsonb('bounds').$type<unknown>(),
  isLocked: boolean('is_locked').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A tenant's own, stricter value of a policy. */
export const policyOverrides = pgTable(
  'policy_overrides',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    key: text('key').notNull(),
    value: jsonb('value').$type<unknown>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    pgPolicy('policy_overrides_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('policy_overrides_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);

/**
 * Every change of a policy, board default or tenant override, with who, when and why. Rows of
 * board defaults (no tenant) are readable by all; a tenant's rows by that tenant and the board.
 */
export const policyHistory = pgTable(
  'policy_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id'),
    key: text('key').notNull(),
    change: text('change', {
      enum: ['default', 'bounds', 'lock', 'unlock', 'override', 'override_removed'],
    }).notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policy_history_key_idx').on(t.key, t.changedAt),
    pgPolicy('policy_history_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.tenantId} is null or ${t.tenantId} = app.current_tenant() or ${isPlatformScope}`,
    }),
    pgPolicy('policy_history_append', {
      for: 'insert',
      to: portalApp,
      withCheck: sql`${t.tenantId} is null or ${t.tenantId} = app.current_tenant()`,
    }),
  ],
);
