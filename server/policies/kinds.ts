import { z } from 'zod';

/**
 * The way a tenant may tighten a policy: a number may only go lower or higher, a set may only
 * grow or shrink, a switch may only be turned off, a deadline may only get shorter. `none`
 * means the policy applies to the whole platform and no tenant may override it.
 */
export type Direction = 'lower' | 'higher' | 'grow' | 'shrink' | 'disable' | 'shorter' | 'none';

/** The shape of a policy value, as the admin screens render it. */
export type ValueType = 'number' | 'boolean' | 'string_set' | 'deadline_map' | 'attribute_map';

/** One shape of policy value: how it is validated, bounded, compared and combined. */
export type PolicyKind<V, B> = {
  type: ValueType;
  direction: Direction;
  valueSchema: z.ZodType<V>;
  /** Null when the policy has no bounds. */
  boundsSchema: z.ZodType<B> | null;
  /** The value that applies when a tenant's value is combined with the board's. */
  strictest: (board: V, override: V) => V;
  /** Describes how `override` is looser than `board`; null when it is as strict or stricter. */
  loosening: (override: V, board: V) => string | null;
  /** Describes how `value` breaks `bounds`; null when it stays within them. */
  outOfBounds: (value: V, bounds: B) => string | null;
  /** Describes the values a tenant may choose, for error messages. */
  describeAllowed: (board: V, bounds: B | null) => string;
  equals: (a: V, b: V) => boolean;
};

export type NumberBounds = { min?: number | undefined; max?: number | undefined };

type NumberKindOptions = { direction: 'lower' | 'higher' | 'none'; min: number; max: number };

/** Creates the kind of a whole number from `min` to `max`, which bounds narrow for tenants. */
export function numberKind(options: NumberKindOptions): PolicyKind<number, NumberBounds> {
  const { direction, min, max } = options;
  const valueSchema = z.number().int().min(min).max(max);
  const boundsSchema = z
    .object({ min: valueSchema.optional(), max: valueSchema.optional() })
    .strict()
    .refine((bounds) => (bounds.min ?? min) <= (bounds.max ?? max), {
      message: 'min must not be greater than max',
      path: ['min'],
    });

  return {
    type: 'number',
    direction,
    valueSchema,
    boundsSchema,
    strictest: (board, override) => {
      if (direction === 'lower') {
        return Math.min(board, override);
      }
      return direction === 'higher' ? Math.max(board, override) : board;
    },
    loosening: (override, board) => {
      if (direction === 'lower' && override > board) {
        return `${override} is above the board's value ${board}`;
      }
      if (direction === 'higher' && override < board) {
        return `${override} is below the board's value ${board}`;
      }
      return null;
    },
    outOfBounds: (value, bounds) => {
      if (bounds.min !== undefined && value < bounds.min) {
        return `${value} is below the minimum ${bounds.min}`;
      }
      if (bounds.max !== undefined && value > bounds.max) {
        return `${value} is above the maximum ${bounds.max}`;
      }
      return null;
    },
    describeAllowed: (board, bounds) => {
      const low =
        direction === 'higher' ? Math.max(board, bounds?.min ?? min) : (bounds?.min ?? min);
      const high =
        direction === 'lower' ? Math.min(board, bounds?.max ?? max) : (bounds?.max ?? max);
      return `a whole number from ${low} to ${high}`;
    },
    equals: (a, b) => a === b,
  };
}

export type SetBounds = {
  /** Members every value must keep. */
  mustInclude?: string[] | undefined;
  /** The only members a value may have. */
  mayInclude?: string[] | undefined;
};

type SetKindOptions = {
  direction: 'grow' | 'shrink' | 'none';
  item: z.ZodType<string>;
  maxItems?: number;
};

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function listOf(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '(none)';
}

/** Creates the kind of a set of strings, stored as a list without duplicates. */
export function setKind(options: SetKindOptions): PolicyKind<string[], SetBounds> {
  const { direction } = options;
  const valueSchema = z
    .array(options.item)
    .max(options.maxItems ?? 200)
    .transform(unique);
  const boundsSchema = z
    .object({ mustInclude: valueSchema.optional(), mayInclude: valueSchema.optional() })
    .strict()
    .refine(
      (bounds) =>
        !bounds.mayInclude ||
        (bounds.mustInclude ?? []).every((member) => bounds.mayInclude!.includes(member)),
      { message: 'every member of mustInclude must also be in mayInclude', path: ['mustInclude'] },
    );

  return {
    type: 'string_set',
    direction,
    valueSchema,
    boundsSchema,
    strictest: (board, override) => {
      if (direction === 'grow') {
        return unique([...board, ...override]);
      }
      return direction === 'shrink' ? board.filter((member) => override.includes(member)) : board;
    },
    loosening: (override, board) => {
      if (direction === 'grow') {
        const dropped = board.filter((member) => !override.includes(member));
        return dropped.length > 0
          ? `it leaves out ${listOf(dropped)}, which the board requires`
          : null;
      }
      if (direction === 'shrink') {
        const added = override.filter((member) => !board.includes(member));
        return added.length > 0 ? `it adds ${listOf(added)}, which the board does not allow` : null;
      }
      return null;
    },
    outOfBounds: (value, bounds) => {
      const missing = (bounds.mustInclude ?? []).filter((member) => !value.includes(member));
      if (missing.length > 0) {
        return `it must include ${listOf(missing)}`;
      }
      const outside = bounds.mayInclude
        ? value.filter((member) => !bounds.mayInclude!.includes(member))
        : [];
      return outside.length > 0 ? `it may not include ${listOf(outside)}` : null;
    },
    describeAllowed: (board, bounds) => {
      const kept = bounds?.mustInclude ?? [];
      if (direction === 'grow') {
        const choices = bounds?.mayInclude ? `, chosen from ${listOf(bounds.mayInclude)}` : '';
        return `a set that contains at least ${listOf(board)}${choices}`;
      }
      if (direction === 'shrink') {
        return `a subset of ${listOf(board)} that keeps ${listOf(kept)}`;
      }
      return `exactly ${listOf(board)}`;
    },
    equals: (a, b) => a.length === b.length && a.every((member) => b.includes(member)),
  };
}

/** Creates the kind of a switch that a tenant may only turn off (`disable`), or not change. */
export function booleanKind(direction: 'disable' | 'none'): PolicyKind<boolean, null> {
  return {
    type: 'boolean',
    direction,
    valueSchema: z.boolean(),
    boundsSchema: null,
    strictest: (board, override) => (direction === 'disable' ? board && override : board),
    loosening: (override, board) =>
      direction === 'disable' && override && !board ? 'the board has turned it off' : null,
    outOfBounds: () => null,
    describeAllowed: (board) => (direction === 'disable' && board ? 'true or false' : 'false'),
    equals: (a, b) => a === b,
  };
}
