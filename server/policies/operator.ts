import type { TenantOperator } from '../db/schema/index.ts';

function fieldValue(operator: TenantOperator, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[part]
          : undefined,
      operator,
    );
}

/**
 * Lists the footer fields a policy requires that a tenant's operator details leave empty, as
 * paths such as `agency.en`; `requiredFields` is the effective `site.required_operator_fields`.
 */
export function missingOperatorFields(
  tenant: { operator: TenantOperator },
  requiredFields: readonly string[],
): string[] {
  return requiredFields.filter((path) => {
    const value = fieldValue(tenant.operator, path);
    return typeof value !== 'string' || value.trim() === '';
  });
}
