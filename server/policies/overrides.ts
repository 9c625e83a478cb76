import { and, eq, sql } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { policyOverrides, policySettings } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  appendHistory,
  assertVersion,
  describePolicy,
  parseWith,
  rejectValue,
  requirePolicyKey,
  requireReason,
} from './change-records.ts';
import { definitionOf, resolvePolicy, type PolicyKey, type ResolvedPolicy } from './registry.ts';

export type SetOverrideInput = { value: unknown; reason: string; version?: number | undefined };

function requireOverridePermission(context: ActingContext, tenant: TenantRef) {
  if (!can(context.actor, 'policy.override', tenantResource(tenant))) {
    throw new AppError('forbidden', 'You are not allowed to do this (policy.override)');
  }
}

async function lockedOverride(tx: Tx, tenantId: string, key: PolicyKey) {
  const [row] = await tx
    .select()
    .from(policyOverrides)
    .where(and(eq(policyOverrides.tenantId, tenantId), eq(policyOverrides.key, key)))
    .for('update');

  return row;
}

/** Checks that a tenant may override the policy with `value`, and returns the parsed value. */
function checkedOverride(key: PolicyKey, board: ResolvedPolicy, value: unknown): unknown {
  const definition = definitionOf(key);
  if (definition.kind.direction === 'none') {
    throw new AppError(
      'conflict',
      `The policy ${describePolicy(key)} applies to the whole platform: portals cannot override it`,
    );
  }
  if (board.isLocked) {
    throw new AppError(
      'conflict',
      `The board has locked the policy ${describePolicy(key)}: portals cannot override it`,
    );
  }
  const parsed = parseWith(definition.kind.valueSchema, value, 'value', key);
  const allowed = definition.kind.describeAllowed(board.boardValue, board.bounds);
  const problem =
    (board.bounds ? definition.kind.outOfBounds(parsed, board.bounds) : null) ??
    definition.kind.loosening(parsed, board.boardValue);
  if (problem) {
    throw rejectValue(key, problem, allowed);
  }

  return parsed;
}

/**
 * Sets a tenant's own, stricter value of a policy. It must stay within the board's bounds and
 * may only tighten the board's value; a locked or platform-wide policy cannot be overridden.
 */
export async function setPolicyOverride(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  key: string,
  input: SetOverrideInput,
): Promise<ResolvedPolicy> {
  requireOverridePermission(context, tenant);
  const policyKey = requirePolicyKey(key);
  const reason = requireReason(input.reason);

  return withTenant(db, tenant.id, async (tx) => {
    const [setting] = await tx
      .select()
      .from(policySettings)
      .where(eq(policySettings.key, policyKey));
    const board = resolvePolicy(policyKey, setting, undefined);
    const value = checkedOverride(policyKey, board, input.value);
    const existing = await lockedOverride(tx, tenant.id, policyKey);
    assertVersion(existing?.version ?? 0, input.version, `the override of ${policyKey}`);

    const now = new Date();
    const [row] = await tx
      .insert(policyOverrides)
      .values({
        tenantId: tenant.id,
        key: policyKey,
        value,
        updatedBy: context.actor.userId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [policyOverrides.tenantId, policyOverrides.key],
        set: {
          value,
          updatedBy: context.actor.userId,
          updatedAt: now,
          version: sql`${policyOverrides.version} + 1`,
        },
      })
      .returning();
    await appendHistory(tx, {
      tenantId: tenant.id,
      key: policyKey,
      change: 'override',
      before: existing?.value ?? null,
      after: value,
      reason,
      changedBy: context.actor.userId,
    });
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'policy.override',
      resourceType: 'policy',
      resourceId: policyKey,
      before: existing ? { value: existing.value } : null,
      after: { value, reason },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return resolvePolicy(policyKey, setting, row);
  });
}

/** Removes a tenant's override, so the board's value applies to the tenant again. */
export async function removePolicyOverride(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  key: string,
  input: { reason: string },
): Promise<ResolvedPolicy> {
  requireOverridePermission(context, tenant);
  const policyKey = requirePolicyKey(key);
  const reason = requireReason(input.reason);

  return withTenant(db, tenant.id, async (tx) => {
    const existing = await lockedOverride(tx, tenant.id, policyKey);
    if (!existing) {
      throw new AppError('not_found', `This portal has no override of ${policyKey}`);
    }
    await tx
      .delete(policyOverrides)
      .where(and(eq(policyOverrides.tenantId, tenant.id), eq(policyOverrides.key, policyKey)));
    await appendHistory(tx, {
      tenantId: tenant.id,
      key: policyKey,
      change: 'override_removed',
      before: existing.value,
      after: null,
      reason,
      changedBy: context.actor.userId,
    });
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'policy.remove_override',
      resourceType: 'policy',
      resourceId: policyKey,
      before: { value: existing.value },
      after: { reason },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    const [setting] = await tx
      .select()
      .from(policySettings)
      .where(eq(policySettings.key, policyKey));

    return resolvePolicy(policyKey, setting, undefined);
  });
}
