import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';

import type { Actor } from '../access/can.ts';
import type { TenantRef } from '../access/context.ts';
import { withPlatform } from '../access/platform.ts';
import {
  policyHistory,
  policyOverrides,
  policySettings,
  tenants,
  users,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { isPolicyKey, resolvePolicy, type OverrideStatus, type PolicyKey } from './registry.ts';

export type PolicyHistoryEntry = {
  id: number;
  key: string;
  tenantId: string | null;
  change: string;
  before: unknown;
  after: unknown;
  reason: string;
  changedBy: { id: string; displayName: string } | null;
  changedAt: string;
};

function requireKey(key: string): PolicyKey {
  if (!isPolicyKey(key)) {
    throw new AppError('not_found', `No policy has the key ${key}`);
  }

  return key;
}

async function readHistory(
  tx: Tx,
  key: PolicyKey,
  tenantId: string | null | undefined,
  limit: number,
) {
  const scope =
    tenantId === undefined
      ? eq(policyHistory.key, key)
      : and(
          eq(policyHistory.key, key),
          tenantId === null
            ? isNull(policyHistory.tenantId)
            : or(isNull(policyHistory.tenantId), eq(policyHistory.tenantId, tenantId)),
        );
  const rows = await tx
    .select({ entry: policyHistory, displayName: users.displayName })
    .from(policyHistory)
    .leftJoin(users, eq(users.id, policyHistory.changedBy))
    .where(scope)
    .orderBy(desc(policyHistory.changedAt), desc(policyHistory.id))
    .limit(limit);

  return rows.map(({ entry, displayName }): PolicyHistoryEntry => ({
    id: entry.id,
    key: entry.key,
    tenantId: entry.tenantId,
    change: entry.change,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
    changedBy: entry.changedBy && displayName ? { id: entry.changedBy, displayName } : null,
    changedAt: entry.changedAt.toISOString(),
  }));
}

export type HistoryOptions = { limit?: number };

/**
 * Lists the changes of a policy for one tenant: the board's changes and the tenant's own. The
 * caller has checked that the actor may read the tenant's policies.
 */
export async function listTenantPolicyHistory(
  db: Db,
  tenant: TenantRef,
  key: string,
  options: HistoryOptions = {},
) {
  const policyKey = requireKey(key);

  return withTenant(db, tenant.id, (tx) =>
    readHistory(tx, policyKey, tenant.id, options.limit ?? 200),
  );
}

/** Lists every change of a policy on the platform, the board's and every tenant's. */
export async function listPolicyHistory(
  db: Db,
  actor: Actor,
  key: string,
  options: HistoryOptions = {},
) {
  const policyKey = requireKey(key);

  return withPlatform(db, actor, 'policy.read', (tx) =>
    readHistory(tx, policyKey, undefined, options.limit ?? 200),
  );
}

export type PolicyTenantEntry = {
  tenant: { id: string; slug: string; kind: string; nameVi: string };
  /** True when the board's value applies, so a change of the board's value reaches the tenant. */
  followsBoard: boolean;
  override: { value: unknown; status: OverrideStatus; problem: string | null } | null;
};

/**
 * Lists every tenant with its override of one policy, if any. A change of the board's value
 * reaches the tenants that follow the board, and the others keep their override in force.
 */
export async function listPolicyTenants(
  db: Db,
  actor: Actor,
  key: string,
): Promise<PolicyTenantEntry[]> {
  const policyKey = requireKey(key);

  return withPlatform(db, actor, 'policy.read', async (tx) => {
    const [setting] = await tx
      .select()
      .from(policySettings)
      .where(eq(policySettings.key, policyKey));
    const portals = await tx
      .select()
      .from(tenants)
      .orderBy(asc(tenants.sortOrder), asc(tenants.slug));
    const overrides = await tx
      .select()
      .from(policyOverrides)
      .where(eq(policyOverrides.key, policyKey));

    return portals.map((portal) => {
      const override = overrides.find((row) => row.tenantId === portal.id);
      const resolved = resolvePolicy(policyKey, setting, override);
      return {
        tenant: { id: portal.id, slug: portal.slug, kind: portal.kind, nameVi: portal.nameVi },
        followsBoard: resolved.source !== 'tenant',
        override: resolved.override
          ? {
              value: resolved.override.value,
              status: resolved.override.status,
              problem: resolved.override.problem,
            }
          : null,
      };
    });
  });
}
