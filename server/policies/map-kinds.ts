import { z } from 'zod';

import type { DeadlineRule } from '../db/schema/index.ts';
import { listOf, unique, type PolicyKind } from './kinds.ts';

export const DeadlineRuleSchema = z
  .object({
    amount: z.number().int().min(0).max(365),
    unit: z.enum(['working_days', 'working_hours']),
    from: z.enum(['signing', 'submission']),
  })
  .strict();

export type DeadlineMap = Record<string, DeadlineRule>;

function describeRule(rule: DeadlineRule): string {
  return `${rule.amount} ${rule.unit.replace('_', ' ')} from ${rule.from}`;
}

/** Checks that `rule` has the unit of `board` and counts from the same event. */
function isComparable(rule: DeadlineRule, board: DeadlineRule): boolean {
  return rule.unit === board.unit && rule.from === board.from;
}

/**
 * Publication deadlines by category template key. A tenant lists the deadlines it shortens, or
 * adds where the board has none; the others follow the board. A shortened deadline keeps the
 * board's unit and starting point: working days and working hours do not convert exactly,
 * because a deadline in days ends at the close of a working day.
 */
export function deadlineMapKind(categoryKeys: readonly string[]): PolicyKind<DeadlineMap, null> {
  const valueSchema = z.partialRecord(
    z.enum(categoryKeys as [string, ...string[]]),
    DeadlineRuleSchema,
  );

  return {
    type: 'deadline_map',
    direction: 'shorter',
    valueSchema: valueSchema as z.ZodType<DeadlineMap>,
    boundsSchema: null,
    strictest: (board, override) => {
      const combined: DeadlineMap = { ...override, ...board };
      for (const [key, rule] of Object.entries(override)) {
        const boardRule = board[key];
        if (boardRule && isComparable(rule, boardRule) && rule.amount < boardRule.amount) {
          combined[key] = rule;
        }
      }
      return combined;
    },
    loosening: (override, board) => {
      for (const [key, boardRule] of Object.entries(board)) {
        const rule = override[key];
        if (!rule) {
          continue;
        }
        if (!isComparable(rule, boardRule)) {
          return `the deadline of ${key} must stay in ${boardRule.unit} from ${boardRule.from}`;
        }
        if (rule.amount > boardRule.amount) {
          return `the deadline of ${key} is longer than the board's ${describeRule(boardRule)}`;
        }
      }
      return null;
    },
    outOfBounds: () => null,
    describeAllowed: () =>
      "each category's deadline no longer than the board's, in the same unit and from the " +
      'same event',
    equals: (a, b) => JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b)),
  };
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

export type AttributeMap = Record<string, string[]>;

/**
 * Attributes allowed per HTML tag, each chosen from `choices`. A tenant may only remove
 * attributes, or whole tags from the map.
 */
export function attributeMapKind(
  choices: Readonly<Record<string, readonly string[]>>,
): PolicyKind<AttributeMap, null> {
  const tags = Object.keys(choices) as [string, ...string[]];
  const valueSchema = z
    .partialRecord(z.enum(tags), z.array(z.string()).max(20).transform(unique))
    .superRefine((value, context) => {
      for (const [tag, names] of Object.entries(value)) {
        const unknown = (names ?? []).filter((name) => !choices[tag]?.includes(name));
        if (unknown.length > 0) {
          context.addIssue({
            code: 'custom',
            path: [tag],
            message: `allowed attributes of ${tag}: ${listOf(choices[tag] ?? [])}`,
          });
        }
      }
    });
  const attributesOf = (map: AttributeMap, tag: string) => map[tag] ?? [];

  return {
    type: 'attribute_map',
    direction: 'shrink',
    valueSchema: valueSchema as z.ZodType<AttributeMap>,
    boundsSchema: null,
    strictest: (board, override) =>
      Object.fromEntries(
        Object.entries(board)
          .filter(([tag]) => tag in override)
          .map(([tag, names]) => [
            tag,
            names.filter((name) => attributesOf(override, tag).includes(name)),
          ]),
      ),
    loosening: (override, board) => {
      for (const [tag, names] of Object.entries(override)) {
        const added = names.filter((name) => !attributesOf(board, tag).includes(name));
        if (added.length > 0) {
          return `it allows ${listOf(added)} on ${tag}, which the board does not`;
        }
      }
      return null;
    },
    outOfBounds: () => null,
    describeAllowed: (board) =>
      `for each tag, a subset of ${sortedEntries(board)
        .map(([tag, names]) => `${tag}: ${listOf(names)}`)
        .join('; ')}`,
    equals: (a, b) =>
      JSON.stringify(sortedEntries(a).map(([tag, names]) => [tag, [...names].sort()])) ===
      JSON.stringify(sortedEntries(b).map(([tag, names]) => [tag, [...names].sort()])),
  };
}
