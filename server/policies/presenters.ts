import type { ResolvedPolicy } from './registry.ts';

/**
 * Presents a policy for the admin screens: what it is, how it may change, the board's setting,
 * the tenant's override and the value in force. `scope` is `platform` for policies no tenant
 * may override.
 */
export function presentPolicy(resolved: ResolvedPolicy) {
  const { definition, board, override } = resolved;

  return {
    key: resolved.key,
    label: definition.label,
    description: definition.description,
    type: definition.kind.type,
    direction: definition.kind.direction,
    scope: definition.kind.direction === 'none' ? ('platform' as const) : ('tenant' as const),
    unit: definition.unit ?? null,
    options: definition.options ?? null,
    hasBounds: definition.kind.boundsSchema !== null,
    defaultValue: resolved.defaultValue as unknown,
    board: board
      ? {
          value: board.value as unknown,
          bounds: board.bounds,
          isLocked: board.isLocked,
          version: board.version,
          updatedBy: board.updatedBy,
          updatedAt: board.updatedAt.toISOString(),
          isStoredValueInvalid: board.isStoredValueInvalid,
        }
      : null,
    boardValue: resolved.boardValue as unknown,
    bounds: resolved.bounds,
    isLocked: resolved.isLocked,
    isOverridable: resolved.isOverridable,
    /** The version a board change must name; 0 while the board has no setting. */
    boardVersion: board?.version ?? 0,
    allowedOverride: resolved.isOverridable
      ? definition.kind.describeAllowed(resolved.boardValue, resolved.bounds)
      : null,
    override: override
      ? {
          value: override.value,
          status: override.status,
          problem: override.problem,
          version: override.version,
          updatedBy: override.updatedBy,
          updatedAt: override.updatedAt.toISOString(),
        }
      : null,
    value: resolved.value as unknown,
    source: resolved.source,
  };
}
