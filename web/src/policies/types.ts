import type { components } from '../api/schema';

/** One policy as `GET /policies` presents it, with values of the shapes `PolicyValue` lists. */
export type Policy = components['schemas']['Policy'];

export type PolicyHistoryEntry = components['schemas']['PolicyHistoryEntry'];

export type ComplianceOverview = components['schemas']['ComplianceOverview'];

export type TenantCompliance = ComplianceOverview['tenants'][number];

export type ComplianceCounts = TenantCompliance['counts'];

export type PolicyUnit = NonNullable<Policy['unit']>;

/** A publication deadline of one category, as `content.deadlines` stores it. */
export type DeadlineRule = {
  amount: number;
  unit: 'working_days' | 'working_hours';
  from: 'signing' | 'submission';
};

export type DeadlineMap = Record<string, DeadlineRule>;

/** Allowed attributes by HTML element, as `content.html_attributes` stores them. */
export type AttributeMap = Record<string, string[]>;

/** The value of a policy, by its `type`. */
export type PolicyValue = number | boolean | string[] | DeadlineMap | AttributeMap;

export type NumberBounds = { min?: number; max?: number };

export type SetBounds = { mustInclude?: string[]; mayInclude?: string[] };

export function asStringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

export function asRecord<T>(value: unknown): Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, T>)
    : {};
}
