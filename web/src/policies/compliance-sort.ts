import type { MessageKey } from '../i18n/create-i18n.ts';
import type { ComplianceCounts, TenantCompliance } from './types.ts';

export type CountKey = Exclude<keyof ComplianceCounts, 'findings'>;

export type SortKey = 'tenant' | 'findings' | CountKey;

export type SortOrder = 'asc' | 'desc';

export type ComplianceSort = { key: SortKey; order: SortOrder };

/** The table's count columns, in order. Each is also a sort key of `/compliance.csv`. */
export const countColumns: { key: Exclude<SortKey, 'tenant'>; label: MessageKey }[] = [
  { key: 'findings', label: 'compliance.column.findings' },
  { key: 'missingCategories', label: 'compliance.column.missingCategories' },
  { key: 'missingOperatorFields', label: 'compliance.column.missingOperatorFields' },
  { key: 'overdueItems', label: 'compliance.column.overdueItems' },
  { key: 'pendingReviews', label: 'compliance.column.pendingReviews' },
  { key: 'overdueFeedback', label: 'compliance.column.overdueFeedback' },
  { key: 'stalePages', label: 'compliance.column.stalePages' },
  { key: 'usersWithoutSecondFactor', label: 'compliance.column.usersWithoutSecondFactor' },
  { key: 'overridesInForce', label: 'compliance.column.overridesInForce' },
];

/** The kinds of finding that break a policy, which the problems chart stacks. */
export const findingKinds: CountKey[] = [
  'missingCategories',
  'missingOperatorFields',
  'overdueItems',
  'overdueFeedback',
  'stalePages',
  'usersWithoutSecondFactor',
];

/** Returns the sort after a click on a column: names A to Z and counts largest first, then flipped. */
export function nextSort(current: ComplianceSort | undefined, key: SortKey): ComplianceSort {
  if (current?.key === key) {
    return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  }
  return { key, order: key === 'tenant' ? 'asc' : 'desc' };
}

const nameCollator = new Intl.Collator('vi');

/** Orders the portals. Without a sort, and on ties, they keep the server's portal order. */
export function sortPortals(
  entries: readonly TenantCompliance[],
  sort: ComplianceSort | undefined,
): TenantCompliance[] {
  if (!sort) {
    return [...entries];
  }
  const sign = sort.order === 'asc' ? 1 : -1;
  const compare = (a: TenantCompliance, b: TenantCompliance) =>
    sort.key === 'tenant'
      ? nameCollator.compare(a.tenant.nameVi, b.tenant.nameVi)
      : a.counts[sort.key] - b.counts[sort.key];

  // Array.prototype.sort is stable, so ties keep the order they came in.
  return [...entries].sort((a, b) => sign * compare(a, b));
}
