import { and, eq, inArray } from 'drizzle-orm';

import { policyOverrides, policySettings } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import {
  policyDefinitions,
  policyKeys,
  type PolicyDefaults,
  type PolicyDefinition,
  type PolicyKey,
  type PolicyValue,
} from './definitions.ts';

export {
  isPolicyKey,
  policyDefaultsFromConfig,
  policyDefinitions,
  policyKeys,
  type PolicyDefaults,
  type PolicyKey,
  type PolicyValue,
  type PolicyValues,
} from './definitions.ts';

export type SettingRow = typeof policySettings.$inferSelect;
export type OverrideRow = typeof policyOverrides.$inferSelect;

/** The origin of an effective value. */
export type PolicySource = 'code' | 'board' | 'tenant';

/**
 * The outcome of a tenant's override. An override `in_force` applies. A `superseded` one
 * changes nothing because the board's value is as strict or stricter. A `set_aside` one is
 * ignored because the policy is locked or the value breaks its current bounds or schema.
 */
export type OverrideStatus = 'in_force' | 'superseded' | 'set_aside';

// Every definition has its own value type; the registry handles them through one signature.
export type AnyPolicyDefinition = PolicyDefinition<any, any>;

export type ResolvedPolicy<K extends PolicyKey = PolicyKey> = {
  key: K;
  definition: AnyPolicyDefinition;
  /** The code default, or the environment's value for the config-backed policies. */
  defaultValue: PolicyValue<K>;
  board: {
    value: PolicyValue<K>;
    bounds: unknown;
    isLocked: boolean;
    version: number;
    updatedBy: string | null;
    updatedAt: Date;
    /** The stored value no longer matches the policy's schema, so the default applies. */
    isStoredValueInvalid: boolean;
  } | null;
  boardValue: PolicyValue<K>;
  bounds: unknown;
  isLocked: boolean;
  /** False for platform-wide policies and locked ones: no tenant may override them. */
  isOverridable: boolean;
  override: {
    value: unknown;
    status: OverrideStatus;
    /** The reason the override is set aside. */
    problem: string | null;
    version: number;
    updatedBy: string | null;
    updatedAt: Date;
  } | null;
  value: PolicyValue<K>;
  source: PolicySource;
};

export function definitionOf(key: PolicyKey): AnyPolicyDefinition {
  return policyDefinitions[key];
}

/** Returns the board's bounds: the defaults until the board has a setting, then the stored ones. */
function parsedBounds(definition: AnyPolicyDefinition, setting: SettingRow | undefined) {
  if (!setting) {
    return definition.defaultBounds;
  }
  if (setting.bounds === null || !definition.kind.boundsSchema) {
    return null;
  }
  const parsed = definition.kind.boundsSchema.safeParse(setting.bounds);

  return parsed.success ? parsed.data : definition.defaultBounds;
}

function resolveOverride(
  definition: AnyPolicyDefinition,
  boardValue: unknown,
  bounds: unknown,
  isOverridable: boolean,
  stored: unknown,
): { value: unknown; status: OverrideStatus; problem: string | null } {
  if (!isOverridable) {
    return { value: boardValue, status: 'set_aside', problem: 'the policy cannot be overridden' };
  }
  const parsed = definition.kind.valueSchema.safeParse(stored);
  if (!parsed.success) {
    return { value: boardValue, status: 'set_aside', problem: 'the value no longer fits' };
  }
  const boundsProblem = bounds ? definition.kind.outOfBounds(parsed.data, bounds) : null;
  if (boundsProblem) {
    return { value: boardValue, status: 'set_aside', problem: boundsProblem };
  }
  const value = definition.kind.strictest(boardValue, parsed.data);
  const changesNothing = definition.kind.equals(value, boardValue);

  return { value, status: changesNothing ? 'superseded' : 'in_force', problem: null };
}

/**
 * Computes a policy's effective value for one tenant, and is the one place that rule lives.
 * The board's setting applies when there is a valid one, else the default. The tenant's
 * override then counts unless the policy is platform-wide or locked, or the override breaks
 * the current bounds. An override is combined with the board's value so that the stricter of
 * the two applies, which keeps a tenant within the board's value after the board tightens it.
 */
export function resolvePolicy<K extends PolicyKey>(
  key: K,
  setting: SettingRow | undefined,
  override: OverrideRow | undefined,
  defaults: PolicyDefaults = {},
): ResolvedPolicy<K> {
  const definition = definitionOf(key);
  const defaultValue = (defaults[key] ?? definition.defaultValue) as PolicyValue<K>;
  const stored = setting ? definition.kind.valueSchema.safeParse(setting.value) : undefined;
  const boardValue = stored?.success ? (stored.data as PolicyValue<K>) : defaultValue;
  const bounds = parsedBounds(definition, setting);
  const isLocked = setting?.isLocked ?? false;
  const isOverridable = definition.kind.direction !== 'none' && !isLocked;
  const board = setting
    ? {
        value: boardValue,
        bounds,
        isLocked,
        version: setting.version,
        updatedBy: setting.updatedBy,
        updatedAt: setting.updatedAt,
        isStoredValueInvalid: !stored?.success,
      }
    : null;
  const boardSource: PolicySource = stored?.success ? 'board' : 'code';

  if (!override) {
    return {
      key,
      definition,
      defaultValue,
      board,
      boardValue,
      bounds,
      isLocked,
      isOverridable,
      override: null,
      value: boardValue,
      source: boardSource,
    };
  }
  const applied = resolveOverride(definition, boardValue, bounds, isOverridable, override.value);

  return {
    key,
    definition,
    defaultValue,
    board,
    boardValue,
    bounds,
    isLocked,
    isOverridable,
    override: {
      value: override.value,
      status: applied.status,
      problem: applied.problem,
      version: override.version,
      updatedBy: override.updatedBy,
      updatedAt: override.updatedAt,
    },
    value: applied.value as PolicyValue<K>,
    source: applied.status === 'in_force' ? 'tenant' : boardSource,
  };
}

export type ResolveOptions = { defaults?: PolicyDefaults };

export async function loadSettings(tx: Tx, keys: readonly PolicyKey[] = policyKeys) {
  return tx
    .select()
    .from(policySettings)
    .where(inArray(policySettings.key, [...keys]));
}

/** Reads a tenant's overrides; the caller's scope must see that tenant's rows. */
export async function loadOverrides(
  tx: Tx,
  tenantId: string,
  keys: readonly PolicyKey[] = policyKeys,
) {
  return tx
    .select()
    .from(policyOverrides)
    .where(and(eq(policyOverrides.tenantId, tenantId), inArray(policyOverrides.key, [...keys])));
}

/**
 * Resolves one policy for a tenant, or the board's value when `tenantId` is null. Runs in the
 * caller's transaction, inside `withTenant` or `withPlatform` for a tenant's override to count.
 */
export async function effectivePolicy<K extends PolicyKey>(
  tx: Tx,
  tenantId: string | null,
  key: K,
  options: ResolveOptions = {},
): Promise<ResolvedPolicy<K>> {
  const [setting] = await loadSettings(tx, [key]);
  const [override] = tenantId ? await loadOverrides(tx, tenantId, [key]) : [];

  return resolvePolicy(key, setting, override, options.defaults);
}

/** Resolves the effective value of one policy for a tenant. */
export async function effectiveValue<K extends PolicyKey>(
  tx: Tx,
  tenantId: string | null,
  key: K,
  options: ResolveOptions = {},
): Promise<PolicyValue<K>> {
  return (await effectivePolicy(tx, tenantId, key, options)).value;
}

export type ResolvedPolicies = { [K in PolicyKey]: ResolvedPolicy<K> };

/** Resolves every policy from rows already loaded, e.g. for many tenants at once. */
export function resolvePolicies(
  settings: readonly SettingRow[],
  overrides: readonly OverrideRow[],
  defaults: PolicyDefaults = {},
): ResolvedPolicies {
  const entries = policyKeys.map((key) => [
    key,
    resolvePolicy(
      key,
      settings.find((row) => row.key === key),
      overrides.find((row) => row.key === key),
      defaults,
    ),
  ]);

  return Object.fromEntries(entries) as ResolvedPolicies;
}

/** Resolves every policy for a tenant, or the board's values when `tenantId` is null. */
export async function effectivePolicies(
  tx: Tx,
  tenantId: string | null,
  options: ResolveOptions = {},
): Promise<ResolvedPolicies> {
  const settings = await loadSettings(tx);
  const overrides = tenantId ? await loadOverrides(tx, tenantId) : [];

  return resolvePolicies(settings, overrides, options.defaults);
}
