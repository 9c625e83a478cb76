import { sql } from 'drizzle-orm';

import { queryRows } from '../db/raw-rows.ts';
import type { Tx } from '../db/types.ts';

export type AuditEntry = {
  /** The tenant the change belongs to; null for platform changes such as sign-ins. */
  tenantId: string | null;
  actorUserId: string | null;
  /** What happened, named `<resource>.<verb>`, e.g. `membership.grant`. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
  requestId?: string | null;
};

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Appends an entry to the hash-chained audit log, inside the caller's transaction so the entry
 * and the change it records commit together. A tenant entry must be written inside that
 * tenant's `withTenant` scope; the database function rejects any other.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<number> {
  const [row] = await queryRows<{ id: string | number }>(
    tx,
    sql`select app.append_audit(${entry.tenantId}::uuid, ${entry.actorUserId}::uuid,
          ${entry.action}, ${entry.resourceType}, ${entry.resourceId ?? null},
          ${toJson(entry.before)}::jsonb, ${toJson(entry.after)}::jsonb,
          ${entry.ipAddress ?? null}::inet, ${entry.requestId ?? null}) as id`,
  );

  return Number(row?.id);
}
