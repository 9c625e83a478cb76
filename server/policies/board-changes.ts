import { eq, sql } from 'drizzle-orm';

import { can } from '../access/can.ts';
import type { ActingContext } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { policySettings } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  appendHistory,
  assertVersion,
  describePolicy,
  parseWith,
  requirePolicyKey,
  requireReason,
  type HistoryChange,
} from './change-records.ts';
import {
  definitionOf,
  resolvePolicy,
  type AnyPolicyDefinition,
  type PolicyDefaults,
  type PolicyKey,
  type ResolvedPolicy,
} from './registry.ts';
import { invalidatePolicyCache } from './security.ts';

export type UpdateBoardPolicyInput = {
  value?: unknown;
  /** New bounds; null removes them. */
  bounds?: unknown;
  isLocked?: boolean;
  reason: string;
  /** The version the change was made from; a newer one gets 409. */
  version?: number | undefined;
};

export type ChangeOptions = { defaults?: PolicyDefaults };

type BoardChanges = {
  value: unknown;
  bounds: unknown;
  isLocked: boolean;
  changes: { change: HistoryChange; before: unknown; after: unknown }[];
};

/** Rejects a change of bounds or lock where the policy has none to change. */
function assertChangeableParts(
  key: PolicyKey,
  definition: AnyPolicyDefinition,
  input: UpdateBoardPolicyInput,
) {
  const notSupported = (field: string) => [{ field, message: 'not supported by this policy' }];
  if (
    definition.kind.direction === 'none' &&
    (input.bounds !== undefined || input.isLocked !== undefined)
  ) {
    // Bounds and the lock govern tenants' overrides, which a platform-wide policy never has.
    throw new AppError(
      'invalid_input',
      `The policy ${describePolicy(key)} applies to the whole platform: set its value only`,
      { fields: notSupported(input.bounds === undefined ? 'isLocked' : 'bounds') },
    );
  }
  if (!definition.kind.boundsSchema && input.bounds !== undefined && input.bounds !== null) {
    throw new AppError('invalid_input', `The policy ${describePolicy(key)} has no bounds`, {
      fields: notSupported('bounds'),
    });
  }
}

/** Validates a board change against the policy and works out which parts actually change. */
function plannedBoardChanges(
  key: PolicyKey,
  definition: AnyPolicyDefinition,
  current: ResolvedPolicy,
  input: UpdateBoardPolicyInput,
): BoardChanges {
  const value =
    input.value === undefined
      ? current.boardValue
      : parseWith(definition.kind.valueSchema, input.value, 'value', key);
  assertChangeableParts(key, definition, input);
  let bounds = current.bounds;
  if (input.bounds !== undefined) {
    bounds =
      input.bounds === null
        ? null
        : parseWith(definition.kind.boundsSchema!, input.bounds, 'bounds', key);
  }
  const isLocked = input.isLocked ?? current.isLocked;
  const boundsProblem = bounds ? definition.kind.outOfBounds(value, bounds) : null;
  if (boundsProblem) {
    throw new AppError(
      'invalid_input',
      `Invalid value for ${describePolicy(key)}: the board's own value must stay within the ` +
        `bounds, but ${boundsProblem}`,
      {
        fields: [{ field: input.value === undefined ? 'bounds' : 'value', message: boundsProblem }],
      },
    );
  }

  const changes: BoardChanges['changes'] = [];
  if (!definition.kind.equals(value, current.boardValue)) {
    changes.push({ change: 'default', before: current.boardValue, after: value });
  }
  if (JSON.stringify(bounds) !== JSON.stringify(current.bounds)) {
    changes.push({ change: 'bounds', before: current.bounds, after: bounds });
  }
  if (isLocked !== current.isLocked) {
    changes.push({
      change: isLocked ? 'lock' : 'unlock',
      before: current.isLocked,
      after: isLocked,
    });
  }

  return { value, bounds, isLocked, changes };
}

/**
 * Changes the board's setting of a policy: its value, bounds or lock. Each part that changes
 * gets a history row with the reason, and the change one audit entry, in one transaction.
 * Tenants' overrides are kept; those the new setting makes looser or out of bounds stop
 * applying (see `resolvePolicy`), and no content is changed.
 */
export async function updateBoardPolicy(
  db: Db,
  context: ActingContext,
  key: string,
  input: UpdateBoardPolicyInput,
  options: ChangeOptions = {},
): Promise<ResolvedPolicy> {
  if (!can(context.actor, 'policy.manage_default', { kind: 'platform' })) {
    throw new AppError('forbidden', 'You are not allowed to do this (policy.manage_default)');
  }
  const policyKey = requirePolicyKey(key);
  const reason = requireReason(input.reason);
  const definition = definitionOf(policyKey);
  if (input.value === undefined && input.bounds === undefined && input.isLocked === undefined) {
    throw new AppError('invalid_input', 'Give a new value, bounds or lock state', {
      fields: [{ field: 'value', message: 'nothing to change' }],
    });
  }

  const updated = await withoutTenant(db, async (tx) => {
    const [setting] = await tx
      .select()
      .from(policySettings)
      .where(eq(policySettings.key, policyKey))
      .for('update');
    assertVersion(setting?.version ?? 0, input.version, `the board's setting of ${policyKey}`);
    const current = resolvePolicy(policyKey, setting, undefined, options.defaults);
    const planned = plannedBoardChanges(policyKey, definition, current, input);
    if (planned.changes.length === 0) {
      return current;
    }

    const now = new Date();
    const values = {
      value: planned.value,
      bounds: planned.bounds,
      isLocked: planned.isLocked,
      updatedBy: context.actor.userId,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(policySettings)
      .values({ key: policyKey, ...values })
      .onConflictDoUpdate({
        target: policySettings.key,
        set: { ...values, version: sql`${policySettings.version} + 1` },
      })
      .returning();
    for (const change of planned.changes) {
      await appendHistory(tx, {
        tenantId: null,
        key: policyKey,
        ...change,
        reason,
        changedBy: context.actor.userId,
      });
    }
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.actor.userId,
      action: 'policy.update_default',
      resourceType: 'policy',
      resourceId: policyKey,
      before: { value: current.boardValue, bounds: current.bounds, isLocked: current.isLocked },
      after: { value: planned.value, bounds: planned.bounds, isLocked: planned.isLocked, reason },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return resolvePolicy(policyKey, row, undefined, options.defaults);
  });
  invalidatePolicyCache(db);

  return updated;
}
