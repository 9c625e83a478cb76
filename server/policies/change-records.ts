import type { z } from 'zod';

import { policyHistory } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import { definitionOf, isPolicyKey, type PolicyKey } from './registry.ts';

// Checks and records shared by the board's changes and tenants' overrides.

export type HistoryChange = (typeof policyHistory.$inferInsert)['change'];

export function requirePolicyKey(key: string): PolicyKey {
  if (!isPolicyKey(key)) {
    throw new AppError('not_found', `No policy has the key ${key}`);
  }

  return key;
}

export function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3) {
    throw new AppError('invalid_input', 'Give the reason for the change', {
      fields: [{ field: 'reason', message: 'is required' }],
    });
  }

  return trimmed;
}

export function describePolicy(key: PolicyKey): string {
  return `${key} (${definitionOf(key).label.en})`;
}

/** Parses a value or bounds with a schema; zod's issues become fields under `field`. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  field: string,
  key: PolicyKey,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  const fields: FieldProblem[] = parsed.error.issues.map((issue) => ({
    field: [field, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError(
    'invalid_input',
    `Invalid ${field} for ${describePolicy(key)}: ${fields.map((item) => item.field).join(', ')}`,
    { fields },
  );
}

export function rejectValue(key: PolicyKey, problem: string, allowed: string): AppError {
  return new AppError(
    'invalid_input',
    `Invalid value for ${describePolicy(key)}: ${problem}. Allowed: ${allowed}`,
    { fields: [{ field: 'value', message: problem }], details: { allowed } },
  );
}

export function assertVersion(current: number, expected: number | undefined, what: string) {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'conflict',
      `Someone changed ${what} meanwhile (version ${current}, not ${expected}): reload it first`,
      { fields: [{ field: 'version', message: 'stale' }] },
    );
  }
}

export async function appendHistory(
  tx: Tx,
  entry: {
    tenantId: string | null;
    key: PolicyKey;
    change: HistoryChange;
    before: unknown;
    after: unknown;
    reason: string;
    changedBy: string;
  },
) {
  await tx.insert(policyHistory).values({
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
