import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  inet,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

import { isPlatformScope, portalApp } from './roles.ts';

/**
 * The append-only audit log. `portal_app` may read it under RLS and append to it only through
 * `app.append_audit()`, never update or delete. Each row's `hash` covers its content and the
 * previous row's hash of the same tenant (platform entries, with no tenant, form their own
 * chain), so an edited or removed row breaks the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    ipAddress: inet('ip_address'),
    requestId: text('request_id'),
    previousHash: text('previous_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_tenant_idx').on(t.tenantId, t.id),
    pgPolicy('audit_log_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.tenantId} = app.current_tenant() or ${isPlatformScope}`,
    }),
  ],
);
